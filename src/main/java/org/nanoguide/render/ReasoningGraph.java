package org.nanoguide.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nanoguide.explain.Result;

/**
 * The picture of a case's reasoning, laid out for an inline SVG: the case's facts the rules
 * matched (left), the findings (middle), the options and exclusions (right), and an edge for
 * every rule that went from one to the other, labelled with the rule. Built from the result's
 * trace (the facts each firing matched), so it shows what the engine did, nothing inferred.
 */
public record ReasoningGraph(int width, int height, List<Column> columns, List<Node> nodes, List<Edge> edges) {
    /** Facts of these types come from the case itself (the rest are the rules' own conclusions). */
    private static final Set<String> CASE_FACTS = Set.of("Tumor", "Patient", "Therapy", "PlannedDrug", "Receptor",
            "Constraints", "Resources", "Goals", "Regimen");
    /** Facts naming the option a firing was about: a firing about another carrier draws no edge to this one. */
    private static final Set<String> OPTION_FACTS = Set.of("Option", "Recommendation", "Targeted", "ProductEvidence");
    private static final int ROW = 50;
    private static final int TOP = 36;
    private static final int NODE_W = 270;
    private static final int NODE_H = 32;
    private static final int[] X = {4, 344, 684};

    public record Column(int x, String title) { }

    /** @param kind fact, finding, option or excluded (a CSS class) */
    public record Node(String label, String title, String kind, int x, int y, int w, int h) {
        public int textX() { return x + 8; }

        public int textY() { return y + h / 2 + 4; }
    }

    public record Edge(String path, String label, int labelX, int labelY) { }

    public boolean empty() { return edges.isEmpty(); }

    /** The graph of a result; empty (no edges) when the result has no trace. */
    public static ReasoningGraph of(Result r) {
        Builder b = new Builder(r.trace() == null ? List.of() : r.trace());
        for (Result.CitedFinding f : r.findings()) {
            String id = b.node(2, "Finding(code=\"" + f.code() + "\"", f.text(), "finding");
            for (Result.TraceStep s : b.steps(f.ruleId())) {
                for (String fact : s.facts()) if (caseFact(fact)) b.edge(b.fact(fact), id, f.ruleId());
            }
        }
        for (Result.RankedRecommendation o : r.recommendations()) {
            String id = b.node(3, "option " + o.rank(), o.rank() + ". " + o.summary(), "option");
            List<String> rules = new ArrayList<>();
            o.reasons().forEach(c -> rules.add(c.ruleId()));
            o.against().forEach(c -> rules.add(c.ruleId()));
            b.into(id, o.carrier().name(), rules);
        }
        for (Result.ExcludedOption x : r.excluded()) {
            String id = b.node(3, "excluded " + Words.excludedWhat(x), "excluded: " + Words.excludedWhat(x), "excluded");
            b.into(id, x.carrier().name(), x.reasons().stream().map(Result.Citation::ruleId).toList());
        }
        return b.build();
    }

    private static String type(String fact) {
        int p = fact.indexOf('(');
        return p < 0 ? fact : fact.substring(0, p);
    }

    private static boolean caseFact(String fact) { return CASE_FACTS.contains(type(fact)); }

    private static final class Builder {
        private final List<Result.TraceStep> trace;
        private final Map<String, String[]> nodes = new LinkedHashMap<>();
        private final Map<String, List<String>> byColumn = new LinkedHashMap<>();
        private final Map<String, List<String>> edges = new LinkedHashMap<>();

        Builder(List<Result.TraceStep> trace) { this.trace = trace; }

        List<Result.TraceStep> steps(String ruleId) {
            return trace.stream().filter(s -> s.ruleId().equals(ruleId)).toList();
        }

        String node(int column, String key, String text, String kind) {
            nodes.putIfAbsent(key, new String[] {String.valueOf(column), text, kind});
            List<String> col = byColumn.computeIfAbsent(String.valueOf(column), k -> new ArrayList<>());
            if (!col.contains(key)) col.add(key);
            return key;
        }

        /** A case fact, shown as "Tumor: type=BREAST, ..." rather than as the engine prints it. */
        String fact(String fact) {
            int p = fact.indexOf('(');
            String shown = p < 0 || !fact.endsWith(")") ? fact : fact.substring(0, p) + ": " + fact.substring(p + 1, fact.length() - 1);
            return node(1, fact, shown, "fact");
        }

        /** Edges into an option from the facts and findings its rules matched in firings about its carrier (or about no option). */
        void into(String option, String carrier, List<String> rules) {
            for (String rule : rules) {
                for (Result.TraceStep s : steps(rule)) {
                    if (!aboutCarrier(s, carrier)) continue;
                    for (String fact : s.facts()) {
                        if (caseFact(fact)) edge(fact(fact), option, rule);
                        else if (fact.startsWith("Finding(")) {
                            String key = fact.substring(0, Math.max(fact.indexOf(','), 0));
                            if (nodes.containsKey(key)) edge(key, option, rule);
                        }
                    }
                }
            }
        }

        private static boolean aboutCarrier(Result.TraceStep s, String carrier) {
            for (String fact : s.facts()) {
                if (OPTION_FACTS.contains(type(fact)) && !fact.contains("carrier=" + carrier + ",")
                        && !fact.contains("carrier=" + carrier + ")")) return false;
            }
            return true;
        }

        void edge(String from, String to, String rule) {
            List<String> labels = edges.computeIfAbsent(from + "\u0000" + to, k -> new ArrayList<>());
            if (!labels.contains(rule)) labels.add(rule);
        }

        ReasoningGraph build() {
            Map<String, Node> placed = new LinkedHashMap<>();
            int rows = 0;
            for (Map.Entry<String, List<String>> col : byColumn.entrySet()) {
                int c = Integer.parseInt(col.getKey());
                List<String> keys = col.getValue();
                rows = Math.max(rows, keys.size());
                for (int i = 0; i < keys.size(); i++) {
                    String[] n = nodes.get(keys.get(i));
                    placed.put(keys.get(i), new Node(shorten(n[1]), n[1], n[2], X[c - 1], TOP + i * ROW, NODE_W, NODE_H));
                }
            }
            List<Edge> out = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : edges.entrySet()) {
                String[] ends = e.getKey().split("\u0000");
                Node a = placed.get(ends[0]);
                Node b = placed.get(ends[1]);
                int x1 = a.x() + a.w(), y1 = a.y() + a.h() / 2, x2 = b.x(), y2 = b.y() + b.h() / 2;
                int mid = (x1 + x2) / 2;
                String path = "M" + x1 + " " + y1 + " C" + mid + " " + y1 + " " + mid + " " + y2 + " " + x2 + " " + y2;
                out.add(new Edge(path, String.join(", ", e.getValue()), mid, (y1 + y2) / 2 - 3));
            }
            List<Column> columns = List.of(new Column(X[0], "The case's facts"), new Column(X[1], "Findings"),
                    new Column(X[2], "Options and exclusions"));
            return new ReasoningGraph(X[2] + NODE_W + 4, TOP + Math.max(rows, 1) * ROW, columns, List.copyOf(placed.values()), out);
        }

        private static String shorten(String s) {
            String t = Printable.line(s);
            return t.length() <= 40 ? t : t.substring(0, 39) + "\u2026";
        }
    }
}
