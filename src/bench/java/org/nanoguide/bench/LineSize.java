package org.nanoguide.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.nanoguide.Nanoguide;
import org.nanoguide.model.NanoCase;
import org.nanoguide.render.JsonRenderer;

/**
 * What a default NDJSON result line is made of, over the generated cases: the whole line, the
 * line without the review's quotes, and the line cut down to the fields the result contract
 * (result-format.md, version 2) names, so that the line-size target can be weighed against the
 * content the contract requires.
 *
 * <p>Run: {@code mvn -B -o -Pbench -DskipTests verify -Dbench.main=org.nanoguide.bench.LineSize}
 * (docs/performance.md).
 */
public final class LineSize {
    /** Fields the project added beyond the contract; the contract's own (texts, sources, products, reasons against) stay. */
    private static final Set<String> BEYOND_CONTRACT = Set.of("quote", "publicSource", "findings", "evidenceBasis",
            "overrides", "description", "disclaimer", "strength", "tumorType");

    private LineSize() { }

    public static void main(String[] args) throws Exception {
        Nanoguide guide = Nanoguide.fromFolder(BenchCases.rules());
        ObjectMapper mapper = new ObjectMapper();
        NanoCase[] cases = BenchCases.cases();
        long[] whole = new long[cases.length];
        long[] noQuote = new long[cases.length];
        long[] contract = new long[cases.length];
        long texts = 0;
        long options = 0;
        for (int i = 0; i < cases.length; i++) {
            byte[] line = JsonRenderer.compactBytes(guide.evaluate(cases[i]));
            whole[i] = line.length + 1;
            JsonNode tree = mapper.readTree(line);
            noQuote[i] = mapper.writeValueAsBytes(without(tree.deepCopy(), Set.of("quote"))).length + 1;
            JsonNode cut = without(tree.deepCopy(), BEYOND_CONTRACT);
            contract[i] = mapper.writeValueAsBytes(cut).length + 1;
            texts += textBytes(cut);
            options += tree.path("recommendations").size() + tree.path("considered").size() + tree.path("excluded").size();
        }
        int n = cases.length;
        System.out.printf("%d generated cases (seed 42), %s%n", n, guide.knowledgeBase().fingerprint());
        print("default line", whole);
        print("without source.quote", noQuote);
        print("contract fields only", contract);
        System.out.printf("  in the contract-only line: rule texts %d bytes a line, %.1f options a case%n",
                texts / n, (double) options / n);
    }

    private static void print(String what, long[] sizes) {
        long[] s = sizes.clone();
        Arrays.sort(s);
        long within = Arrays.stream(s).filter(v -> v <= 4096).count();
        System.out.printf("  %-22s mean %,6d bytes, median %,6d, %3d%% of lines within 4 KiB%n", what,
                Arrays.stream(s).sum() / s.length, s[s.length / 2], within * 100 / s.length);
    }

    private static JsonNode without(JsonNode node, Set<String> names) {
        if (node instanceof ObjectNode o) {
            o.remove(names);
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) without(it.next().getValue(), names);
        } else if (node instanceof ArrayNode a) {
            for (JsonNode e : a) without(e, names);
        }
        return node;
    }

    private static long textBytes(JsonNode node) {
        long sum = 0;
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                sum += e.getKey().equals("text") && e.getValue().isTextual()
                        ? e.getValue().asText().getBytes(StandardCharsets.UTF_8).length : textBytes(e.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode e : node) sum += textBytes(e);
        }
        return sum;
    }
}
