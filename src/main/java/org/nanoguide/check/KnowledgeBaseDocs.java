package org.nanoguide.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.RuleFiles;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.kb.RuleSource;

/**
 * Authoring: writes the knowledge base's documentation from the rules' own metadata, so that it cannot
 * drift from the DRL: {@code docs/knowledge-base.md} (every rule: id, name, section, refs,
 * strength, guidance items, file:line, what it concludes) and {@code docs/guidance-coverage.md}
 * (each guidance item of knowledge-guidance.md: the rules that carry it, the example cases in
 * which those rules fire). Output is deterministic: no dates, rules in file and line order.
 * Tests in org.nanoguide.knowledge regenerate both files with {@code -Dnanoguide.regenerate=true}.
 */
public final class KnowledgeBaseDocs {
    private KnowledgeBaseDocs() { }

    /**
     * The guidance items of knowledge-guidance.md, from the rules' {@code guidance.tsv} (one
     * {@code item<TAB>statement} a line; {@code #} starts a comment), in the order written.
     *
     * @throws IllegalArgumentException naming file and line when a line is not item, tab, statement
     */
    public static Map<String, String> guidanceItems(RuleFiles files) {
        Map<String, String> m = new LinkedHashMap<>();
        RuleFiles.RuleFile f = files.file(RuleFiles.GUIDANCE).orElse(null);
        if (f == null) return m;
        List<String> lines = f.text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            int tab = line.indexOf('\t');
            if (tab <= 0 || line.substring(tab + 1).isBlank()) {
                throw new IllegalArgumentException(files.origin() + "/" + f.path() + ":" + (i + 1)
                        + ": expected an item, a tab and its statement, e.g. \"G1<TAB>Liposomes carry ...\"");
            }
            m.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The guidance items a rule names in {@code @guidance("G11, B3")}, in the order written. */
    public static List<String> guidance(RuleInfo rule) {
        String g = rule.metadata().get("guidance");
        if (g == null || g.isBlank()) return List.of();
        return Arrays.stream(g.split("[,\\s]+")).filter(s -> !s.isBlank()).map(String::strip).toList();
    }

    /** docs/knowledge-base.md: every rule, grouped by file, with its metadata and what it concludes. */
    public static String markdown(KnowledgeBase kb) {
        StringBuilder sb = new StringBuilder();
        sb.append("# The knowledge base, rule by rule\n\n");
        sb.append("Generated from the rules' metadata by `org.nanoguide.check.KnowledgeBaseDocs`; do not edit by hand.\n");
        sb.append("Regenerate with `mvn -B -q -o test -Dtest=KnowledgeBaseDocsTest -Dnanoguide.regenerate=true`.\n\n");
        sb.append("Knowledge base: ").append(kb.title()).append(", version ").append(kb.version())
                .append(", ").append(kb.ruleCount()).append(" rules.\n\n");
        sb.append("Strength is the rule's `@strength`, combined by MYCIN's certainty-factor calculus (see `Certainty`);\n");
        sb.append("section and refs point into the review; guidance names the items of knowledge-guidance.md the rule carries\n");
        sb.append("(G1-G34 from the review, B1-B5 beyond it; see guidance-coverage.md).\n");
        sb.append("\nBuilds on names the rules whose conclusions a rule's conditions read (\"while absent\": it holds only\n");
        sb.append("while they have not concluded); read by names the rules that read its conclusions (see `RuleGraph`).\n");
        RuleGraph graph = RuleGraph.of(RuleSource.of(kb.files()));
        Map<String, List<RuleInfo>> byFile = new LinkedHashMap<>();
        for (RuleInfo r : kb.rules()) byFile.computeIfAbsent(fileName(r.file()), k -> new ArrayList<>()).add(r);
        for (Map.Entry<String, List<RuleInfo>> e : byFile.entrySet()) {
            sb.append("\n## ").append(e.getKey()).append(" (").append(e.getValue().size()).append(" rules)\n");
            for (RuleInfo r : e.getValue()) {
                sb.append("\n### ").append(r.name()).append("\n\n");
                sb.append("- id: `").append(nz(r.id())).append("`\n");
                sb.append("- section: ").append(nz(r.section()));
                sb.append("; refs: ").append(r.refs().isEmpty() ? "none" : r.refs().stream().map(String::valueOf).collect(Collectors.joining(", "))).append("\n");
                sb.append("- strength: ").append(r.strength() == null ? "none (does not support a recommendation)" : r.strength()).append("\n");
                List<String> g = guidance(r);
                sb.append("- guidance: ").append(g.isEmpty() ? "none" : String.join(", ", g)).append("\n");
                sb.append("- where: `rules/").append(fileName(r.file())).append(":").append(r.line()).append("`\n");
                sb.append("- concludes: ").append(nz(r.metadata().get("concludes"))).append("\n");
                String on = RuleGraph.describe(graph.buildsOn(r.label()), true);
                String by = RuleGraph.describe(graph.readBy(r.label()), false);
                if (!on.isEmpty()) sb.append("- builds on: ").append(on).append("\n");
                if (!by.isEmpty()) sb.append("- read by: ").append(by).append("\n");
                if (r.source() != null) sb.append("- source: ").append(r.source()).append("\n");
                if (r.quote() != null) sb.append("- quote: ").append(org.nanoguide.review.QuoteVerifier.display(r.quote())).append("\n");
            }
        }
        return sb.toString();
    }

    /**
     * docs/guidance-coverage.md: item, the rules that carry it, the example cases in which any of
     * those rules fires.
     *
     * @param firedByCase each example case's id and the rule ids in its result's trace
     */
    public static String coverageMarkdown(KnowledgeBase kb, Map<String, Set<String>> firedByCase) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Guidance coverage: item -> rules -> example cases\n\n");
        sb.append("Generated by `org.nanoguide.check.KnowledgeBaseDocs` from the rules' `@guidance` metadata and the traces of\n");
        sb.append("the example cases in `cases/`; do not edit by hand. Regenerate with\n");
        sb.append("`mvn -B -q -o test -Dtest=KnowledgeBaseDocsTest -Dnanoguide.regenerate=true`.\n");
        sb.append("A case exercises a rule when that rule fires in the case's result trace. Declarations (rules with no\n");
        sb.append("conditions, which name a threshold or an evidence level and so fire in every case) are listed with their\n");
        sb.append("items but do not count as exercising them: the cases column comes from the rules that have conditions.\n\n");
        sb.append("| item | guidance | rules | cases |\n|---|---|---|---|\n");
        for (Map.Entry<String, String> item : guidanceItems(kb.files()).entrySet()) {
            Set<String> rules = rulesFor(kb, item.getKey());
            Set<String> cases = casesFor(conditionalRulesFor(kb, item.getKey()), firedByCase);
            sb.append("| ").append(item.getKey()).append(" | ").append(item.getValue().replace("|", "/")).append(" | ")
                    .append(rules.isEmpty() ? "**none**" : rules.stream().map(r -> "`" + r + "`").collect(Collectors.joining(", ")))
                    .append(" | ").append(cases.isEmpty() ? "**none**" : String.join(", ", cases)).append(" |\n");
        }
        sb.append("\n## The review's words behind each item\n\n");
        sb.append("For each item, the `@quote` of each rule that carries it: the sentences of the review the rule rests on,\n");
        sb.append("word for word (`nanoguide check --review FILE` verifies them). A rule marked `@section(\"beyond review\")`\n");
        sb.append("names its public source instead.\n");
        for (Map.Entry<String, String> item : guidanceItems(kb.files()).entrySet()) {
            sb.append("\n### ").append(item.getKey()).append(": ").append(item.getValue()).append("\n\n");
            boolean any = false;
            for (RuleInfo r : kb.rules()) {
                if (!guidance(r).contains(item.getKey())) continue;
                any = true;
                sb.append("- `").append(r.label()).append("` (").append(nz(r.section())).append("): ");
                if (r.quote() != null) sb.append(org.nanoguide.review.QuoteVerifier.display(r.quote()));
                else if (r.section() != null && r.section().toLowerCase(java.util.Locale.ROOT).contains("beyond review")) {
                    sb.append("beyond the review; source: ").append(r.source() == null ? "(none)" : r.source());
                } else sb.append("**no quote**");
                sb.append("\n");
            }
            if (!any) sb.append("- no rule carries it\n");
        }
        return sb.toString();
    }

    /** Items with no rule or no example case, each with what it lacks; empty when all are covered. */
    public static List<String> gaps(KnowledgeBase kb, Map<String, Set<String>> firedByCase) {
        List<String> out = new ArrayList<>();
        for (String item : guidanceItems(kb.files()).keySet()) {
            Set<String> rules = rulesFor(kb, item);
            if (rules.isEmpty()) out.add(item + ": no rule carries it");
            else if (casesFor(conditionalRulesFor(kb, item), firedByCase).isEmpty()) {
                out.add(item + ": no example case fires any rule with conditions among " + rules);
            }
        }
        return out;
    }

    static Set<String> rulesFor(KnowledgeBase kb, String item) {
        Set<String> out = new TreeSet<>();
        for (RuleInfo r : kb.rules()) if (guidance(r).contains(item)) out.add(r.label());
        return out;
    }

    /** The rules carrying an item that have conditions (not declarations that fire in every case). */
    static Set<String> conditionalRulesFor(KnowledgeBase kb, String item) {
        Set<String> declarations = declarations(kb);
        Set<String> out = new TreeSet<>(rulesFor(kb, item));
        out.removeAll(declarations);
        return out;
    }

    /** Ids of rules whose {@code when} part is empty: they fire once in every case. */
    public static Set<String> declarations(KnowledgeBase kb) {
        Set<String> names = new java.util.HashSet<>();
        for (RuleSource src : RuleSource.of(kb.files())) {
            for (RuleSource.Rule r : src.rules()) if (!r.hasConditions()) names.add(src.file() + "\u0000" + r.name());
        }
        Set<String> out = new TreeSet<>();
        for (RuleInfo r : kb.rules()) if (names.contains(r.file() + "\u0000" + r.name())) out.add(r.label());
        return out;
    }

    static Set<String> casesFor(Set<String> rules, Map<String, Set<String>> firedByCase) {
        Set<String> out = new TreeSet<>();
        firedByCase.forEach((c, fired) -> {
            for (String r : rules) if (fired.contains(r)) { out.add(c); break; }
        });
        return out;
    }

    private static String fileName(String file) {
        if (file == null) return "?";
        String f = file.replace('\\', '/');
        int i = f.lastIndexOf("/rules/");
        if (i >= 0) return f.substring(i + "/rules/".length());
        for (String prefix : List.of("src/main/resources/", "nanoguide/rules/")) {
            int j = f.indexOf(prefix);
            if (j >= 0) f = f.substring(j + prefix.length());
        }
        return f;
    }

    private static String nz(String s) { return s == null || s.isBlank() ? "(missing)" : s; }
}
