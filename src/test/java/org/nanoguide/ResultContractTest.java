package org.nanoguide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanoguide.explain.Result;
import org.nanoguide.model.CaseInput;
import org.nanoguide.render.JsonRenderer;

/**
 * The invariants of result-format.md, over every example case: ranks 1..n, exclusions never
 * recommended, every reason cited with rule id and section, certainty in [0, 1], and the JSON
 * carrying every contract field.
 */
public class ResultContractTest {

    static List<Result> exampleResults() throws Exception {
        return exampleResults(TestKb.guide());
    }

    static List<Result> exampleResults(Nanoguide guide) throws Exception {
        List<Result> out = new ArrayList<>();
        for (Path p : TestKb.exampleCases()) {
            for (CaseInput in : Nanoguide.reader().readDocument(p.toString(), "x", Files.readAllBytes(p), 0).cases()) {
                out.add(guide.evaluate(((CaseInput.Valid) in).value()));
            }
        }
        return out;
    }

    /** Checks one result; shared with other tests (property tests, service tests). */
    public static void assertContract(Result r) {
        for (int i = 0; i < r.recommendations().size(); i++) {
            Result.RankedRecommendation rec = r.recommendations().get(i);
            assertEquals(i + 1, rec.rank(), "ranks are 1..n in order");
            assertTrue(rec.certainty() >= 0 && rec.certainty() <= 1, "certainty in [0, 1]");
            assertTrue(rec.certainty() > org.nanoguide.explain.Certainty.OUTWEIGHED_AT_OR_BELOW, "an outweighed option is not recommended");
            if (i > 0) {
                Result.RankedRecommendation prev = r.recommendations().get(i - 1);
                boolean sameTrack = (prev.modality() == org.nanoguide.facts.Modality.IMAGING) == (rec.modality() == org.nanoguide.facts.Modality.IMAGING);
                if (sameTrack) assertTrue(prev.evidence().ordinal() <= rec.evidence().ordinal(), "the more mature evidence first");
                if (sameTrack && prev.evidence() == rec.evidence()) assertTrue(rec.certainty() <= prev.certainty(), "then by certainty");
            }
            if (rec.evidence() == org.nanoguide.facts.EvidenceLevel.APPROVED) {
                assertFalse(rec.products().isEmpty(), "an APPROVED option names its product");
            }
            assertFalse(rec.reasons().isEmpty(), "every recommendation has a reason");
            rec.reasons().forEach(ResultContractTest::assertCited);
            rec.cautions().forEach(ResultContractTest::assertCited);
            assertNotNull(rec.evidence());
            assertNotNull(rec.summary());
            for (Result.ExcludedOption x : r.excluded()) {
                assertFalse(x.carrier() == rec.carrier() && (x.modality() == null || x.modality() == rec.modality())
                                && (x.targeting() == null ? rec.ligand() == null || x.modality() == null : x.targeting() == rec.ligand()),
                        "excluded " + x.carrier() + " is recommended");
            }
            if (rec.carrier() == org.nanoguide.facts.Carrier.SILVER_NP) {
                assertEquals(org.nanoguide.facts.EvidenceLevel.INVESTIGATIONAL, rec.evidence(), "silver is never above investigational");
            }
        }
        for (Result.RankedRecommendation c : r.considered()) {
            assertTrue(c.certainty() <= org.nanoguide.explain.Certainty.OUTWEIGHED_AT_OR_BELOW, "considered means outweighed");
            assertFalse(c.reasons().isEmpty(), "a considered option says what supported it");
        }
        for (Result.ExcludedOption x : r.excluded()) {
            assertFalse(x.reasons().isEmpty());
            x.reasons().forEach(ResultContractTest::assertCited);
        }
        for (Result.CitedWarning w : r.warnings()) {
            assertNotNull(w.code());
            assertFalse(w.ruleId() == null || w.ruleId().isBlank());
            assertFalse(w.source().section().isBlank(), "warning cites a section");
        }
        assertTrue(r.firings() > 0, "every result says how many rules fired");
        if (r.trace() != null) {
            assertEquals(r.firings(), r.trace().size(), "the trace lists every firing");
            for (Result.TraceStep t : r.trace()) assertFalse(t.ruleId().isBlank());
        }
    }

    private static void assertCited(Result.Citation c) {
        assertFalse(c.ruleId() == null || c.ruleId().isBlank(), "cites a rule id");
        assertFalse(c.source().section() == null || c.source().section().isBlank(), "cites a section: " + c.ruleId());
        assertNotNull(c.source().refs());
        assertFalse(c.text() == null || c.text().isBlank());
    }

    @Test
    void everyExampleResultKeepsTheContract() throws Exception {
        List<Result> results = exampleResults();
        assertFalse(results.isEmpty());
        results.forEach(ResultContractTest::assertContract);
    }

    @Test
    void theJsonHasEveryContractField() throws Exception {
        for (Result r : exampleResults()) {
            JsonNode json = JsonRenderer.mapper().readTree(Nanoguide.toJson(r));
            for (String f : List.of("caseId", "knowledgeBase", "recommendations", "excluded", "warnings", "firings")) {
                assertTrue(json.has(f), f);
            }
            assertFalse(json.has("trace"), "no trace unless asked for");
            JsonNode kb = json.get("knowledgeBase");
            assertTrue(kb.get("fingerprint").asText().startsWith("sha256:"));
            assertEquals(TestKb.kb().ruleCount(), kb.get("rules").asInt());
            assertEquals(TestKb.kb().version(), kb.get("version").asText());
            for (JsonNode rec : json.get("recommendations")) {
                for (String f : List.of("rank", "carrier", "modality", "targeting", "certainty", "evidence", "summary", "reasons", "cautions")) {
                    assertTrue(rec.has(f), f);
                }
                JsonNode reason = rec.get("reasons").get(0);
                assertTrue(reason.has("ruleId") && reason.has("text") && reason.get("source").has("section") && reason.get("source").has("refs"));
            }
        }
    }

    @Test
    void aTraceAskedForListsEveryFiringAndChangesNothingElse() throws Exception {
        List<Result> plain = exampleResults();
        List<Result> traced = exampleResults(TestKb.guide().withTrace(true));
        assertEquals(plain.size(), traced.size());
        for (int i = 0; i < plain.size(); i++) {
            Result p = plain.get(i);
            Result t = traced.get(i);
            assertContract(t);
            JsonNode json = JsonRenderer.mapper().readTree(Nanoguide.toJson(t));
            assertEquals(t.firings(), json.get("trace").size(), p.caseId());
            for (JsonNode step : json.get("trace")) assertTrue(step.has("ruleId") && step.get("facts").isArray());
            Result withoutTrace = new Result(t.caseId(), t.description(), t.knowledgeBase(), t.recommendations(), t.considered(),
                    t.excluded(), t.warnings(), t.findings(), t.firings(), null, t.disclaimer(), t.tumorType());
            assertEquals(Nanoguide.toJson(p), Nanoguide.toJson(withoutTrace), p.caseId() + ": the trace is the only difference");
        }
    }

    @Test
    void theSameCaseGivesTheSameBytesAndSurvivesARoundTrip() throws Exception {
        List<Result> first = exampleResults();
        List<Result> second = exampleResults();
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            String json = Nanoguide.toJson(first.get(i));
            assertEquals(json, Nanoguide.toJson(second.get(i)), "same case, same rules, same bytes");
            assertEquals(json, Nanoguide.toJson(JsonRenderer.parse(json)), "a result survives a JSON round trip");
        }
    }
}
