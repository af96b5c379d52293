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
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
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
    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");
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
        ProductCatalogue.validated(files);
        KnowledgeBase precompiled = PrecompiledRules.load(files);
        return precompiled != null ? precompiled : compileDrl(files);
    }

    /** Whether {@link #compile} would use the precompiled rules for these files (no DRL build). */
    public static boolean isPrecompiled(RuleFiles files) {
        return PrecompiledRules.matches(files);
    }

    /** Always compiles the DRL (MVEL build), whatever was precompiled; problems name file and line. */
    public static KnowledgeBase compileDrl(RuleFiles files) throws RulesInvalidException {
        ProductCatalogue.validated(files);
        long start = System.nanoTime();
        List<RuleFiles.RuleFile> drl = files.drlFiles();
        if (drl.isEmpty()) {
            throw new RulesInvalidException(List.of(new RuleProblem("error", files.origin(), 0, 0, null,
                    "no .drl files in the rules folder")));
        }
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
        KieBase kieBase = builder.newKieBase();
        KnowledgeBase kb = new KnowledgeBase(kieBase, files, ruleInfos(files, kieBase, rule ->
                rule instanceof RuleImpl impl && impl.getResource() != null ? impl.getResource().getSourcePath() : "?"));
        LOG.debug("compiled {} rules from {} in {} ms", kb.ruleCount(), files.origin(), (System.nanoTime() - start) / 1_000_000);
        return kb;
    }

    private static List<RuleProblem> problems(RuleFiles files, KnowledgeBuilder builder) {
        Map<String, List<RuleStart>> starts = new HashMap<>();
        Map<String, String[]> texts = new HashMap<>();
        for (RuleFiles.RuleFile f : files.drlFiles()) {
            starts.put(f.path(), ruleStarts(f.text()));
            texts.put(f.path(), f.text().split("\n", -1));
        }
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
            List<RuleStart> fileStarts = starts.getOrDefault(file, List.of());
            String[] text = texts.get(file);
            CompileMessages.Located where = CompileMessages.explain(clean(message), line, column, text, lineOf(fileStarts, line));
            String rule = ruleAt(fileStarts, where.line());
            out.add(new RuleProblem("error", file, where.line(), where.column(), rule, where.message()));
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

    /** Drools messages repeat themselves over several lines; keep them to one readable line. */
    static String clean(String message) {
        String one = message.replaceAll("\\s*\\n\\s*", " ").replaceAll("\\s+", " ");
        return one.length() > 400 ? one.substring(0, 400) + " ..." : one;
    }

    record RuleStart(String name, int line) { }

    /** Where each rule starts in a DRL text, by name; used for file:line and for naming errors. */
    public static List<RuleStart> ruleStarts(String text) {
        List<RuleStart> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean inBlockComment = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (inBlockComment) {
                if (l.contains("*/")) inBlockComment = false;
                continue;
            }
            if (l.trim().startsWith("/*") && !l.contains("*/")) {
                inBlockComment = true;
                continue;
            }
            Matcher m = RULE_START.matcher(l);
            if (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                out.add(new RuleStart(name, i + 1));
            }
        }
        return out;
    }

    static int lineOf(List<RuleStart> starts, int line) {
        int found = 0;
        for (RuleStart s : starts) {
            if (s.line() <= line) found = s.line();
        }
        return found;
    }

    static String ruleAt(List<RuleStart> starts, int line) {
        String found = null;
        for (RuleStart s : starts) {
            if (s.line() <= line) found = s.name();
        }
        return found;
    }

    /** Each rule's metadata; {@code fileOf} says which file a rule was written in. */
    static List<RuleInfo> ruleInfos(RuleFiles files, KieBase kieBase, java.util.function.Function<Rule, String> fileOf) {
        Map<String, Map<String, Integer>> lines = new HashMap<>();
        for (RuleFiles.RuleFile f : files.drlFiles()) {
            Map<String, Integer> byName = new HashMap<>();
            for (RuleStart s : ruleStarts(f.text())) byName.putIfAbsent(s.name(), s.line());
            lines.put(f.path(), byName);
        }
        List<RuleInfo> out = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String file = fileOf.apply(rule);
                int line = lines.getOrDefault(file, Map.of()).getOrDefault(rule.getName(), 0);
                Map<String, String> meta = new LinkedHashMap<>();
                rule.getMetaData().forEach((k, v) -> meta.put(k, unquote(String.valueOf(v))));
                out.add(new RuleInfo(meta.get("id"), rule.getName(), meta.get("section"),
                        refs(meta.get("refs")), strength(meta.get("strength")), file, line, rule.getPackageName(), meta));
            }
        }
        out.sort(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line).thenComparing(RuleInfo::name));
        return out;
    }

    static String unquote(String v) {
        String s = v.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
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
