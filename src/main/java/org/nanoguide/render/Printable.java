package org.nanoguide.render;

/**
 * Text that came from a case, made safe to print on one line of a report or a terminal. A case's
 * id, description and free-text values may hold line breaks and control characters; printed raw,
 * they could forge report lines (a fake "Recommended" block) or drive the terminal (escape
 * sequences). Line and paragraph breaks, C0 and C1 control characters and the bidirectional
 * overrides are shown as escapes ({@code \n}, {@code \u001B}); everything else is unchanged.
 */
public final class Printable {
    private Printable() { }

    /** {@code s} on one line, escaped where it must be; null stays null. */
    public static String line(String s) {
        if (s == null) return null;
        int i = 0;
        while (i < s.length() && !special(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!special(c)) sb.append(c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c == '\t') sb.append("\\t");
            else sb.append(String.format("\\u%04X", (int) c));
        }
        return sb.toString();
    }

    private static boolean special(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
