package org.nanoguide.kb;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;

/**
 * The rules of one DRL file as written: the one reader of DRL text in nanoguide. The loader
 * takes each rule's line from it, the lint, {@code nanoguide rules ID}, the compile messages,
 * the docs generator and the tests take rules, metadata, positions and text from it.
 *
 * <p>Where the file parses, rule boundaries come from Drools' own {@link DrlParser} (the parser
 * the DRL build uses, so both agree on which rules a file has). Where it does not (lint must work
 * on rules that do not compile) one text scanner finds them instead; {@link #parsed()} says which.
 * Either way the metadata is read from the text, because the parser keeps neither the position
 * nor the order of a rule's annotations.
 *
 * <p>Usage: {@code RuleSource.of(file).rules()}, then per rule {@link Rule#metadata()} (every
 * {@code @key(value)} in order, with line and column) or {@link Rule#meta()} (by key).
 */
public final class RuleSource {
    private static final Pattern META = Pattern.compile("@([A-Za-z_][A-Za-z0-9_]*)\\s*(\\()?");
    private static final Pattern RULE = Pattern.compile("(?<![\\w$])rule(?![\\w$])");
    private static final Pattern WHEN = Pattern.compile("(?<![\\w$])when(?![\\w$])");

    /**
     * One metadata entry as written: {@code @quote("...")} is key {@code quote}, the value
     * without its quotes (null for a bare {@code @key}), 1-based line and column of the {@code @}.
     */
    public record Meta(String key, String value, int line, int column) { }

    /**
     * One rule as written. Lines are 1-based and inclusive; {@code whenLine}/{@code thenLine}
     * are 0 when missing.
     *
     * @param column        1-based column of its {@code rule} keyword on {@code line}, where problems with the whole rule point
     * @param order         its place among the rules of its file (0, 1, ...), as the DRL build numbers it
     * @param hasConditions false when the {@code when} part is empty (the rule fires once in every case)
     * @param metadata      every {@code @key(value)} of the rule's header, in the order written
     * @param text          the rule from its {@code rule} line to its {@code end} line, each line ending in '\n'
     */
    public record Rule(String file, String name, int line, int column, int endLine, int whenLine, int thenLine, int order,
                       boolean hasConditions, List<Meta> metadata, String text) {
        public Rule {
            metadata = List.copyOf(metadata);
        }

        /** The first value written for each key, in the order written. */
        public java.util.Map<String, String> meta() {
            java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
            for (Meta x : metadata) m.putIfAbsent(x.key(), x.value());
            return m;
        }

        /** The first entry with this key. */
        public Optional<Meta> meta(String key) {
            return metadata.stream().filter(m -> m.key().equals(key)).findFirst();
        }

        public String id() { return meta().get("id"); }

        /** {@code file:line}. */
        public String location() { return file + ":" + line; }
    }

    private final String file;
    private final String text;
    private final String[] lines;
    private final String[] code;
    private final boolean parsed;
    private String packageName;
    private PackageDescr descriptor;
    private final List<Rule> rules;

    private RuleSource(String file, String text) {
        this.file = file;
        this.text = text;
        this.lines = text.split("\n", -1);
        this.code = DrlText.blank(text).split("\n", -1);
        List<DrlText.Span> fromParser = parse();
        this.parsed = fromParser != null;
        this.rules = (parsed ? fromParser : DrlText.scan(lines, code)).stream().map(this::rule).toList();
    }

    public static RuleSource of(String file, String text) { return new RuleSource(file, text); }

    public static RuleSource of(RuleFiles.RuleFile f) { return new RuleSource(f.path(), f.text()); }

    /** Every {@code .drl} file, in path order. */
    public static List<RuleSource> of(RuleFiles files) {
        return files.drlFiles().stream().map(RuleSource::of).toList();
    }

    public String file() { return file; }

    public String text() { return text; }

    /** Whether Drools' parser read the file (else its rules were found by scanning the text). */
    public boolean parsed() { return parsed; }

    public List<Rule> rules() { return rules; }

    /** The file's {@code package}, or null when the file does not parse. */
    public String packageName() { return packageName; }

    /**
     * The file as Drools' parser reads it (imports, functions, each rule's conditions and
     * consequence), or null when the file does not parse. Read it, never change it.
     */
    public PackageDescr descriptor() { return descriptor; }

    /** The file's lines (0-based array). */
    public String[] lines() { return lines.clone(); }

    /** The file's lines with comments and the insides of string literals replaced by spaces (same layout), for scanning. */
    public String[] codeLines() { return code.clone(); }

    /** The rule a line belongs to, or null. */
    public Rule ruleAt(int line) {
        for (Rule r : rules) if (line >= r.line() && line <= r.endLine()) return r;
        return null;
    }

    /** The first rule with this name. */
    public Optional<Rule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * The file as Drools' parser reads it: a fresh parse on every call, because building rules
     * from descriptors may change them, and tools (why-not's probes, the strict lint) build from
     * parts of them. Null when the file does not parse.
     */
    public PackageDescr descriptors() {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, new StringReader(text));
            return pkg == null || parser.hasErrors() ? null : pkg;
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    /** A descriptor's text as written (a condition, say), from the parse of {@link #descriptors()}. */
    public String textOf(BaseDescr d) {
        int start = d.getStartCharacter();
        int end = d.getEndCharacter();
        if (start < 0 || end <= start || end > text.length()) return d.getText() == null ? d.toString() : d.getText();
        return text.substring(start, end).strip();
    }

    /** The rules as Drools' parser reads them, or null when the file does not parse. */
    private List<DrlText.Span> parse() {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, new StringReader(text));
        } catch (Exception | LinkageError e) {
            return null;
        }
        if (pkg == null || parser.hasErrors()) return null;
        packageName = pkg.getName();
        descriptor = pkg;
        List<DrlText.Span> out = new ArrayList<>();
        for (RuleDescr d : pkg.getRules()) {
            int start = d.getLine() - 1;
            int end = Math.min(d.getEndLine() - 1, lines.length - 1);
            int then = d.getConsequenceLine();
            int when = 0;
            for (int j = start; j <= end && (then == 0 || j < then); j++) {
                if (WHEN.matcher(code[j]).find()) {
                    when = j + 1;
                    break;
                }
            }
            boolean conditions = d.getLhs() != null && !d.getLhs().getDescrs().isEmpty();
            out.add(new DrlText.Span(d.getName(), start, end, when, then, d.getLoadOrder(), conditions));
        }
        return out;
    }

    /** A rule from its boundaries: metadata and text read from the lines. */
    private Rule rule(DrlText.Span span) {
        int start = span.start();
        int end = span.end();
        int when = span.whenLine();
        int headerEnd = when > 0 ? when - 1 : end;
        List<Meta> meta = new ArrayList<>();
        for (int j = start; j < headerEnd && j <= end; j++) {
            Matcher mm = META.matcher(code[j]);
            while (mm.find()) {
                String value = null;
                if (mm.group(2) != null) {
                    int open = mm.end() - 1;
                    int close = DrlText.closing(lines[j], open);
                    value = close < 0 ? lines[j].substring(open + 1) : lines[j].substring(open + 1, close);
                    value = unquote(value.strip());
                }
                meta.add(new Meta(mm.group(1), value, j + 1, mm.start() + 1));
            }
        }
        StringBuilder src = new StringBuilder();
        for (int j = start; j <= end; j++) src.append(lines[j]).append('\n');
        Matcher keyword = RULE.matcher(code[start]);
        int column = keyword.find() ? keyword.start() + 1 : 1;
        return new Rule(file, span.name(), start + 1, column, end + 1, when, span.thenLine(), span.order(), span.hasConditions(),
                meta, src.toString());
    }

    /** A metadata value without its surrounding quotes: {@code "2.2(c)"} and {@code '2.2(c)'} are {@code 2.2(c)}. */
    public static String unquote(String v) {
        String s = v.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
