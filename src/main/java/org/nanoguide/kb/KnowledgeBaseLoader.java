package org.nanoguide.kb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.nanoguide.check.messages.CompileMessages;
import org.nanoguide.facts.Product;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns rule files into a {@link KnowledgeBase}: from the classes precompiled at build time when
 * the files are unchanged ({@link PrecompiledRules}), else by compiling the DRL with a plain
 * {@code KnowledgeBuilder}. Neither keeps global state (unlike {@code KieBuilder}'s shared
 * repository), so builds may run concurrently, for example a hot reload beside a serving
 * knowledge base.
 */
public final class KnowledgeBaseLoader {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseLoader.class);
    private static final Pattern LINE_COL = Pattern.compile("\\[?(?:Line|line) (\\d+):(\\d+)");

    private KnowledgeBaseLoader() { }

    public static KnowledgeBase load(Path rulesDir) throws RulesInvalidException, java.io.IOException {
        return compile(RuleFiles.fromFolder(rulesDir));
    }

    public static KnowledgeBase loadBundled() throws RulesInvalidException {
        return compile(RuleFiles.bundled());
    }

    /**
     * The knowledge base of these files: from the classes precompiled at build time when the
     * files are the ones they were built from (the bundled rules, or an unedited {@code rules/}),
     * else compiled from the DRL. Both give the same rules, metadata and firing order.
     */
    public static KnowledgeBase compile(RuleFiles files) throws RulesInvalidException {
        List<Product> products = ProductCatalogue.validated(files);
        KnowledgeBase precompiled = PrecompiledRules.load(files, products);
        return precompiled != null ? precompiled : compileDrl(files, products);
    }

    /** Whether {@link #compile} would use the precompiled rules for these files (no DRL build). */
    public static boolean isPrecompiled(RuleFiles files) {
        return PrecompiledRules.matches(files);
    }

    /** Always compiles the DRL (MVEL build), whatever was precompiled; problems name file and line. */
    public static KnowledgeBase compileDrl(RuleFiles files) throws RulesInvalidException {
        return compileDrl(files, ProductCatalogue.validated(files));
    }

    private static KnowledgeBase compileDrl(RuleFiles files, List<Product> products) throws RulesInvalidException {
        long start = System.nanoTime();
        List<RuleFiles.RuleFile> drl = files.drlFiles();
        if (drl.isEmpty()) {
            throw new RulesInvalidException(List.of(new RuleProblem(Severity.ERROR, files.origin(), 0, 0, null,
                    "no .drl files in the rules folder", RuleProblem.Kind.COMPILE)));
        }
        // refused before Drools sees them: building a file already runs some of its code (metadata, salience)
        List<RuleSource> parsed = RuleSource.of(files);
        List<RuleProblem> refused = RuleGuard.problems(parsed);
        if (!refused.isEmpty()) throw new RulesInvalidException(refused);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        KieServices ks = KieServices.get();
        for (RuleFiles.RuleFile f : drl) {
            Resource r = ks.getResources().newByteArrayResource(f.text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(f.path());
            builder.add(r, ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            throw new RulesInvalidException(problems(files, builder));
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(KnowledgeBase.configuration());
        kieBase.addPackages(builder.getKnowledgePackages());
        Map<String, RuleSource> sources = new HashMap<>();
        for (RuleSource s : parsed) sources.put(s.file(), s);
        KnowledgeBase kb = new KnowledgeBase(kieBase, files, files.fingerprint(), products, ruleInfos(kieBase, rule -> {
            String file = rule instanceof RuleImpl impl && impl.getResource() != null ? impl.getResource().getSourcePath() : "?";
            RuleSource src = sources.get(file);
            return new Placed(file, src == null ? 0 : src.rule(rule.getName()).map(RuleSource.Rule::line).orElse(0));
        }));
        LOG.debug("compiled {} rules from {} in {} ms", kb.ruleCount(), files.origin(), (System.nanoTime() - start) / 1_000_000);
        return kb;
    }

    private static List<RuleProblem> problems(RuleFiles files, KnowledgeBuilder builder) {
        Map<String, RuleSource> sources = new HashMap<>();
        for (RuleSource src : RuleSource.of(files)) sources.put(src.file(), src);
        List<RuleProblem> out = new ArrayList<>();
        for (KnowledgeBuilderError e : builder.getErrors()) {
            String file = e.getResource() == null ? files.origin() : e.getResource().getSourcePath();
            int[] lines = e.getLines();
            int line = lines != null && lines.length > 0 ? lines[0] : 0;
            int column = 0;
            String message = e.getMessage() == null ? "unknown error" : e.getMessage().strip();
            Matcher m = LINE_COL.matcher(message);
            if (m.find()) {
                if (line <= 0) line = Integer.parseInt(m.group(1));
                column = Integer.parseInt(m.group(2)) + 1;
            }
            RuleSource src = sources.get(file);
            RuleSource.Rule in = startedBy(src, line);
            CompileMessages.Located where = CompileMessages.explain(CompileMessages.clean(message), line, column, src == null ? null : src.lines(),
                    in == null ? 0 : in.line(), in == null ? 0 : in.endLine());
            RuleSource.Rule at = startedBy(src, where.line());
            String rule = at == null ? null : at.name();
            out.add(new RuleProblem(Severity.ERROR, file, where.line(), where.column(), rule, where.message(), RuleProblem.Kind.COMPILE));
        }
        // "Parser returned a null Package" only repeats that a file has a syntax error reported beside it
        if (out.size() > 1) {
            List<RuleProblem> kept = out.stream().filter(p -> !(p.message().startsWith("Parser returned a null Package")
                    && out.stream().anyMatch(o -> o != p && o.file().equals(p.file())))).toList();
            out.clear();
            out.addAll(kept);
        }
        out.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
        return out;
    }

    /** The last rule that starts at or before a line: the one a compile error there is about. */
    private static RuleSource.Rule startedBy(RuleSource src, int line) {
        RuleSource.Rule found = null;
        if (src != null) for (RuleSource.Rule r : src.rules()) if (r.line() <= line) found = r;
        return found;
    }

    /** Where a rule is written: its file and the line of its {@code rule} keyword. */
    record Placed(String file, int line) { }

    /** Each rule's metadata; {@code where} says where a rule is written. */
    static List<RuleInfo> ruleInfos(KieBase kieBase, java.util.function.Function<Rule, Placed> where) {
        List<RuleInfo> out = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Placed at = where.apply(rule);
                Map<String, String> meta = new LinkedHashMap<>();
                rule.getMetaData().forEach((k, v) -> meta.put(k, RuleSource.unquote(String.valueOf(v))));
                out.add(new RuleInfo(meta.get("id"), rule.getName(), meta.get("section"),
                        refs(meta.get("refs")), strength(meta.get("strength")), at.file(), at.line(), rule.getPackageName(), meta));
            }
        }
        out.sort(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line).thenComparing(RuleInfo::name));
        return out;
    }

    /** {@code "11, 26"} or {@code "[11,26]"} to [11, 26]; anything not a number is left out (lint says so). */
    public static List<Integer> refs(String v) {
        List<Integer> out = new ArrayList<>();
        if (v == null) return out;
        for (String part : v.replaceAll("[\\[\\]]", "").split("[,\\s]+")) {
            if (part.matches("\\d+")) out.add(Integer.parseInt(part));
        }
        return out;
    }

    static Double strength(String v) {
        if (v == null) return null;
        try {
            return Double.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
