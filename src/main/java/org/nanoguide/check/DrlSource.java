package org.nanoguide.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of one DRL file read as text, without compiling it: where each rule starts and
 * ends, its metadata as written, its {@code when} and {@code then} parts. Used by the lint
 * (which must work even when the rules do not compile) and by {@code nanoguide rules ID}.
 */
public final class DrlSource {
    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");
    private static final Pattern META = Pattern.compile("@([A-Za-z_][A-Za-z0-9_]*)\\s*(\\()?");
    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b");
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b");
    private static final Pattern END = Pattern.compile("^\\s*end\\b");

    /** One metadata entry: key, value as written without quotes, and where. */
    public record Meta(String key, String value, int line, int column) { }

    /**
     * One rule as text. Lines are 1-based and inclusive; {@code whenLine}/{@code thenLine} are 0
     * when missing. {@code code} is the file with comments and string literals blanked
     * (same line and column layout), for scanning.
     */
    public record RuleText(String file, String name, int line, int endLine, int whenLine, int thenLine,
                           List<Meta> metadata, String source) {
        public Map<String, String> meta() {
            Map<String, String> m = new LinkedHashMap<>();
            for (Meta x : metadata) m.putIfAbsent(x.key(), x.value());
            return m;
        }

        public String location() { return file + ":" + line; }
    }

    private final String file;
    private final String text;
    private final String[] lines;
    private final String[] code;
    private final List<RuleText> rules;

    public DrlSource(String file, String text) {
        this.file = file;
        this.text = text;
        this.lines = text.split("\n", -1);
        this.code = blank(text).split("\n", -1);
        this.rules = parse();
    }

    public String file() { return file; }

    public String text() { return text; }

    public List<RuleText> rules() { return rules; }

    /** The file's lines with comments and the insides of string literals replaced by spaces. */
    public String[] codeLines() { return code; }

    /** The rule a line belongs to, or null. */
    public RuleText ruleAt(int line) {
        for (RuleText r : rules) if (line >= r.line() && line <= r.endLine()) return r;
        return null;
    }

    private List<RuleText> parse() {
        List<RuleText> out = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            Matcher m = RULE_START.matcher(code[i].isBlank() ? "" : lines[i]);
            if (!RULE_START.matcher(code[i]).find() || !m.find()) {
                i++;
                continue;
            }
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            int start = i;
            int when = 0;
            int then = 0;
            int end = lines.length - 1;
            for (int j = i + 1; j < lines.length; j++) {
                if (when == 0 && WHEN.matcher(code[j]).find()) when = j + 1;
                else if (then == 0 && THEN.matcher(code[j]).find()) then = j + 1;
                else if (END.matcher(code[j]).find()) {
                    end = j;
                    break;
                }
                if (RULE_START.matcher(code[j]).find()) {
                    end = j - 1;
                    break;
                }
            }
            int headerEnd = when > 0 ? when - 1 : end;
            List<Meta> meta = new ArrayList<>();
            for (int j = start; j < headerEnd && j <= end; j++) {
                Matcher mm = META.matcher(code[j]);
                while (mm.find()) {
                    String value = null;
                    if (mm.group(2) != null) {
                        int open = mm.end() - 1;
                        int close = closing(lines[j], open);
                        value = close < 0 ? lines[j].substring(open + 1) : lines[j].substring(open + 1, close);
                        value = unquote(value.strip());
                    }
                    meta.add(new Meta(mm.group(1), value, j + 1, mm.start() + 1));
                }
            }
            StringBuilder src = new StringBuilder();
            for (int j = start; j <= end; j++) src.append(lines[j]).append('\n');
            out.add(new RuleText(file, name, start + 1, end + 1, when, then, List.copyOf(meta), src.toString()));
            i = end + 1;
        }
        return List.copyOf(out);
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping string literals. */
    private static int closing(String s, int open) {
        int depth = 0;
        char quote = 0;
        for (int k = open; k < s.length(); k++) {
            char c = s.charAt(k);
            if (quote != 0) {
                if (c == '\\') k++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') quote = c;
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return k;
        }
        return -1;
    }

    static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Blanks comments and string contents (keeping the quotes), preserving line and column. */
    static String blank(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        int k = 0;
        while (k < n) {
            char c = s.charAt(k);
            if (c == '/' && k + 1 < n && s.charAt(k + 1) == '/') {
                while (k < n && s.charAt(k) != '\n') { b.append(' '); k++; }
            } else if (c == '/' && k + 1 < n && s.charAt(k + 1) == '*') {
                while (k < n && !(s.charAt(k) == '*' && k + 1 < n && s.charAt(k + 1) == '/')) {
                    b.append(s.charAt(k) == '\n' ? '\n' : ' ');
                    k++;
                }
                if (k < n) { b.append("  "); k += 2; }
            } else if (c == '"' || c == '\'') {
                b.append(c);
                k++;
                while (k < n && s.charAt(k) != c && s.charAt(k) != '\n') {
                    if (s.charAt(k) == '\\' && k + 1 < n) { b.append("  "); k += 2; continue; }
                    b.append(' ');
                    k++;
                }
                if (k < n && s.charAt(k) == c) { b.append(c); k++; }
            } else {
                b.append(c);
                k++;
            }
        }
        return b.toString();
    }
}
