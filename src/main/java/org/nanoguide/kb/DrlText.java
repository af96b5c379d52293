package org.nanoguide.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text-level half of {@link RuleSource}: comments and strings blanked out so that scans see
 * only code, and the one scanner that finds rules in a file Drools' parser cannot read.
 */
final class DrlText {
    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");
    private static final Pattern WHEN_LINE = Pattern.compile("^\\s*when\\b");
    private static final Pattern THEN_LINE = Pattern.compile("^\\s*then\\b");
    private static final Pattern END_LINE = Pattern.compile("^\\s*end\\b");

    /**
     * Where one rule is: 0-based first and last line; 1-based {@code when}/{@code then} lines (0 when
     * missing); its place among the file's rules; whether its {@code when} part has conditions.
     */
    record Span(String name, int start, int end, int whenLine, int thenLine, int order, boolean hasConditions) { }

    private DrlText() { }

    /** The fallback for a file that does not parse: rules found line by line in the text. */
    static List<Span> scan(String[] lines, String[] code) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            Matcher m = RULE_START.matcher(lines[i]);
            if (!RULE_START.matcher(code[i]).find() || !m.find()) {
                i++;
                continue;
            }
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            int when = 0;
            int then = 0;
            int end = lines.length - 1;
            for (int j = i + 1; j < lines.length; j++) {
                if (when == 0 && WHEN_LINE.matcher(code[j]).find()) when = j + 1;
                else if (then == 0 && THEN_LINE.matcher(code[j]).find()) then = j + 1;
                else if (END_LINE.matcher(code[j]).find()) {
                    end = j;
                    break;
                }
                if (RULE_START.matcher(code[j]).find()) {
                    end = j - 1;
                    break;
                }
            }
            boolean conditions = false;
            if (when > 0) {
                for (int j = when - 1; j < (then > 0 ? then - 1 : end + 1) && !conditions; j++) {
                    String c = j == when - 1 ? WHEN_LINE.matcher(code[j]).replaceFirst("") : code[j];
                    conditions = !c.isBlank();
                }
            }
            out.add(new Span(name, i, end, when, then, out.size(), conditions));
            i = end + 1;
        }
        return out;
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping string literals. */
    static int closing(String s, int open) {
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
