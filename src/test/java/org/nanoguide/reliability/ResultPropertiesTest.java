package org.nanoguide.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.nanoguide.Nanoguide;
import org.nanoguide.TestKb;
import org.nanoguide.explain.Result;
import org.nanoguide.facts.Carrier;
import org.nanoguide.facts.EvidenceLevel;
import org.nanoguide.model.CaseInput;
import org.nanoguide.perf.CaseGenerator;

/** Issue 7.1: random valid cases satisfy the result contract; random mutations never crash. */
class ResultPropertiesTest {
    private static final Nanoguide GUIDE = TestKb.guide();

    @Property(tries = 200)
    void validCasesAlwaysEvaluateWithinTheContract(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        List<CaseInput> in = Nanoguide.reader().readDocument("gen.json", "gen", CaseGenerator.line(seed, seed).getBytes(StandardCharsets.UTF_8), 0);
        assertEquals(1, in.size());
        assertTrue(in.get(0) instanceof CaseInput.Valid, () -> in.get(0).toString());
        Result r = GUIDE.evaluate(((CaseInput.Valid) in.get(0)).value());
        checkInvariants(r);
    }

    static void checkInvariants(Result r) {
        Set<Carrier> excludedWholly = r.excluded().stream().filter(e -> e.modality() == null)
                .map(Result.ExcludedOption::carrier).collect(Collectors.toSet());
        for (int i = 0; i < r.recommendations().size(); i++) {
            Result.RankedRecommendation rec = r.recommendations().get(i);
            assertEquals(i + 1, rec.rank(), "ranks 1..n");
            assertFalse(excludedWholly.contains(rec.carrier()), "excluded carrier recommended: " + rec.carrier());
            assertTrue(r.excluded().stream().noneMatch(e -> e.carrier() == rec.carrier() && e.modality() == rec.modality()),
                    "excluded option recommended");
            assertTrue(rec.certainty() >= 0 && rec.certainty() <= 1, "certainty " + rec.certainty());
            assertFalse(rec.reasons().isEmpty(), "a recommendation without a reason");
            for (List<Result.Citation> cs : List.of(rec.reasons(), rec.against(), rec.cautions())) {
                for (Result.Citation c : cs) cited(c.ruleId(), c.source());
            }
            if (rec.carrier() == Carrier.SILVER_NP) {
                assertEquals(EvidenceLevel.INVESTIGATIONAL, rec.evidence(), "silver above investigational");
            }
        }
        for (Result.ExcludedOption e : r.excluded()) {
            assertFalse(e.reasons().isEmpty());
            for (Result.Citation c : e.reasons()) cited(c.ruleId(), c.source());
        }
        for (Result.CitedWarning w : r.warnings()) cited(w.ruleId(), w.source());
    }

    private static void cited(String ruleId, Result.Source source) {
        assertNotNull(ruleId);
        assertFalse(ruleId.isBlank(), "uncited conclusion");
        assertNotNull(source, "no source for " + ruleId);
        assertNotNull(source.section(), "no section for " + ruleId);
        assertFalse(source.section().isBlank(), "no section for " + ruleId);
    }

    @Property(tries = 300)
    void mutantsAreEvaluatedOrRejectedByNameNeverCrash(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                        @ForAll("mutation") Mutation m,
                                                        @ForAll @IntRange(min = 0, max = 10_000) int where) {
        byte[] bytes = m.apply(CaseGenerator.line(seed, 0), where);
        List<CaseInput> in = Nanoguide.reader().readDocument("mutant.json", "mutant", bytes, 0);
        assertFalse(in.isEmpty());
        for (CaseInput ci : in) {
            if (ci instanceof CaseInput.Valid v) {
                checkInvariants(GUIDE.evaluate(v.value()));
            } else {
                String msg = ((CaseInput.Rejected) ci).message();
                assertTrue(msg.startsWith("mutant.json"), msg);
                assertTrue(msg.contains("$") || msg.contains("line"), "no JSON path or line: " + msg);
                assertFalse(msg.contains("\n\tat "), "stack trace in: " + msg);
            }
        }
    }

    @Provide
    Arbitrary<Mutation> mutation() {
        return Arbitraries.of(Mutation.values());
    }

    enum Mutation {
        REMOVE_FIELD, RENAME_FIELD, RETYPE_VALUE, OUT_OF_RANGE, DEEP_NESTING, HUGE_NUMBER, HUGE_STRING,
        DUPLICATE_KEY, BYTE_ORDER_MARK, INVALID_UTF8, TRUNCATED;

        byte[] apply(String json, int where) {
            String s = switch (this) {
                case REMOVE_FIELD -> json.replaceFirst("\"tumor\":\\{\"type\":\"[A-Z_]+\",?", "\"tumor\":{");
                case RENAME_FIELD -> json.replaceFirst("\"tumor\"", "\"tumour\"");
                case RETYPE_VALUE -> json.replaceFirst("\"schemaVersion\":1", "\"schemaVersion\":\"one\"").replace("true", "\"yes\"");
                case OUT_OF_RANGE -> json.replaceFirst("\\{\"schemaVersion\":1", "{\"schemaVersion\":" + (2 + where));
                case DEEP_NESTING -> json.substring(0, json.length() - 1) + ",\"x\":" + "[".repeat(5000 + where) + "]".repeat(5000 + where) + "}";
                case HUGE_NUMBER -> json.replaceFirst("\\{\"schemaVersion\":1", "{\"schemaVersion\":1" + "0".repeat(400 + where));
                case HUGE_STRING -> json.replaceFirst("\"id\":\"", "\"description\":\"" + "x".repeat(20_000 + where) + "\",\"id\":\"");
                case DUPLICATE_KEY -> json.replaceFirst("\\{\"schemaVersion\":1", "{\"schemaVersion\":1,\"schemaVersion\":1");
                case BYTE_ORDER_MARK -> "\uFEFF" + json;
                case INVALID_UTF8, TRUNCATED -> json;
            };
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (this == INVALID_UTF8) {
                b = b.clone();
                b[Math.min(b.length - 1, 20 + where % Math.max(1, b.length - 20))] = (byte) 0xFF;
            } else if (this == TRUNCATED) {
                b = Arrays.copyOf(b, where % b.length);
            }
            return b;
        }
    }
}
