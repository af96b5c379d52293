package org.nanoguide.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nanoguide.Nanoguide;
import org.nanoguide.ResultContractTest;
import org.nanoguide.TestKb;
import org.nanoguide.explain.Result;
import org.nanoguide.model.CaseGenerator;
import org.nanoguide.model.CaseInput;

/**
 * Property-based tests over the real rules: random valid cases always evaluate and keep the
 * result contract; random damage to valid cases is either evaluated or rejected with a message
 * naming the file and the JSON path, never an exception.
 */
class CasePropertiesTest {
    private static final String FILE = "cohort/case.json";

    @Property(tries = 300)
    void randomValidCasesEvaluateAndKeepTheContract(@ForAll long seed) throws Exception {
        ObjectNode c = new CaseGenerator(seed).next();
        Result r = TestKb.guide().evaluate(c.toString());
        ResultContractTest.assertContract(r);
    }

    @Property(tries = 600)
    void damagedCasesAreEvaluatedOrRejectedByNameNeverCrash(@ForAll long seed, @ForAll("damage") Damage damage) {
        ObjectNode c = new CaseGenerator(seed).next();
        byte[] bytes = damage.apply(c, new java.util.Random(seed));
        List<CaseInput> inputs = Nanoguide.reader().readDocument(FILE, "case", bytes, 0).cases();
        assertFalse(inputs.isEmpty());
        for (CaseInput in : inputs) {
            if (in instanceof CaseInput.Rejected r) {
                assertFalse(r.problems().isEmpty(), r.message());
                for (String line : r.message().lines().toList()) {
                    assertTrue(line.startsWith(FILE), r.message());
                    assertTrue(line.contains(": $") || line.contains(": not JSON: ") || line.matches(".*: and \\d+ more problems?, not listed"),
                            "each problem names its JSON path: " + r.message());
                }
                assertEquals(r.problems().size(), r.message().lines().filter(l -> !l.contains(" more problem")).count(),
                        "one line a problem: " + r.message());
                assertFalse(r.message().contains("Exception") || r.message().contains("\tat "), r.message());
            } else {
                Result res = TestKb.guide().evaluate(((CaseInput.Valid) in).value());
                ResultContractTest.assertContract(res);
            }
        }
    }

    @Provide
    Arbitrary<Damage> damage() {
        return Arbitraries.of(Damage.values());
    }

    /** Ways a case file goes wrong in practice. */
    enum Damage {
        REMOVE_FIELD, RENAME_FIELD, RETYPE_FIELD, OUT_OF_RANGE, DEEP_NESTING, HUGE_NUMBER, HUGE_STRING,
        DUPLICATE_KEY, BYTE_ORDER_MARK, INVALID_UTF8, TRUNCATED, NULL_VALUE, EMPTY, ARRAY_OF_CASES;

        byte[] apply(ObjectNode c, java.util.Random random) {
            switch (this) {
                case REMOVE_FIELD -> pickObject(c, random).ifPresent(o -> {
                    List<String> names = names(o);
                    if (!names.isEmpty()) o.remove(names.get(random.nextInt(names.size())));
                });
                case RENAME_FIELD -> pickObject(c, random).ifPresent(o -> {
                    List<String> names = names(o);
                    if (!names.isEmpty()) {
                        String n = names.get(random.nextInt(names.size()));
                        o.set(n + (random.nextBoolean() ? " " : "X"), o.remove(n));
                    }
                });
                case RETYPE_FIELD -> pickObject(c, random).ifPresent(o -> {
                    List<String> names = names(o);
                    if (!names.isEmpty()) {
                        String n = names.get(random.nextInt(names.size()));
                        switch (random.nextInt(4)) {
                            case 0 -> o.put(n, "text");
                            case 1 -> o.put(n, 42);
                            case 2 -> o.putArray(n).add(true);
                            default -> o.putObject(n).put("x", 1);
                        }
                    }
                });
                case OUT_OF_RANGE -> {
                    ObjectNode p = c.has("patient") ? (ObjectNode) c.get("patient") : c.putObject("patient");
                    if (random.nextBoolean()) p.put("age", 131 + random.nextInt(1000)); else ((ObjectNode) c.get("tumor")).put("depthCm", -1 - random.nextInt(10));
                }
                case DEEP_NESTING -> {
                    String deep = "[".repeat(200 + random.nextInt(5000)) + "]".repeat(1);
                    return ("{\"tumor\": " + deep).getBytes(StandardCharsets.UTF_8);
                }
                case HUGE_NUMBER -> ((ObjectNode) c.get("tumor")).put("sizeCm", new java.math.BigDecimal("1e" + (300 + random.nextInt(10000))));
                case HUGE_STRING -> c.put("description", "x".repeat(1 << (10 + random.nextInt(12))));
                case DUPLICATE_KEY -> {
                    String json = c.toString();
                    return json.replaceFirst("\"tumor\":", "\"id\":\"dup\",\"id\":\"again\",\"tumor\":").getBytes(StandardCharsets.UTF_8);
                }
                case BYTE_ORDER_MARK -> {
                    byte[] body = c.toString().getBytes(StandardCharsets.UTF_8);
                    byte[] out = new byte[body.length + 3];
                    out[0] = (byte) 0xEF;
                    out[1] = (byte) 0xBB;
                    out[2] = (byte) 0xBF;
                    System.arraycopy(body, 0, out, 3, body.length);
                    return out;
                }
                case INVALID_UTF8 -> {
                    c.put("description", "caf\u00e9");
                    byte[] body = c.toString().getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < body.length - 1; i++) {
                        if (body[i] == (byte) 0xC3) body[i + 1] = (byte) 0x28;
                    }
                    return body;
                }
                case TRUNCATED -> {
                    byte[] body = c.toString().getBytes(StandardCharsets.UTF_8);
                    return java.util.Arrays.copyOf(body, random.nextInt(body.length));
                }
                case NULL_VALUE -> pickObject(c, random).ifPresent(o -> {
                    List<String> names = names(o);
                    if (!names.isEmpty()) o.putNull(names.get(random.nextInt(names.size())));
                });
                case EMPTY -> {
                    return new byte[0];
                }
                case ARRAY_OF_CASES -> {
                    return ("[" + c + ", {\"tumor\": {\"type\": \"NOPE\"}}, " + c + "]").getBytes(StandardCharsets.UTF_8);
                }
            }
            return c.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static java.util.Optional<ObjectNode> pickObject(ObjectNode root, java.util.Random random) {
            List<ObjectNode> all = new ArrayList<>();
            collect(root, all);
            return all.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(all.get(random.nextInt(all.size())));
        }

        private static void collect(ObjectNode o, List<ObjectNode> all) {
            all.add(o);
            for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = o.fields(); it.hasNext(); ) {
                var v = it.next().getValue();
                if (v instanceof ObjectNode child) collect(child, all);
            }
        }

        private static List<String> names(ObjectNode o) {
            List<String> out = new ArrayList<>();
            o.fieldNames().forEachRemaining(out::add);
            return out;
        }
    }
}
