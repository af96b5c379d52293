package org.nanoguide.kb;

/**
 * The names in one condition of a pattern, as Drools' parser gives it ({@code $d : depthCm > 3},
 * {@code type == TumorType.LUNG}): a condition is MVEL rather than Java, so it is read name by
 * name instead of parsed. A type named outside a member access must be one rules may use
 * ({@link RuleTypes}); {@code new}, {@code .class}, {@code getClass} and the engine's handles are
 * refused; string literals are skipped.
 */
final class ConditionNames {
    private ConditionNames() { }

    /** Why the condition is refused, or null when it only names what rules may use. */
    static String refusal(String expression) {
        String s = expression;
        int k = 0;
        char before = ' ';
        while (k < s.length()) {
            char c = s.charAt(k);
            if (c == '"' || c == '\'') {
                k = endOfString(s, k);
                before = c;
                continue;
            }
            if (!Character.isJavaIdentifierStart(c)) {
                if (!Character.isWhitespace(c)) before = c;
                k++;
                continue;
            }
            int start = k;
            while (k < s.length() && (Character.isJavaIdentifierPart(s.charAt(k)) || s.charAt(k) == '.'
                    && k + 1 < s.length() && Character.isJavaIdentifierStart(s.charAt(k + 1)))) k++;
            String dotted = s.substring(start, k);
            String why = named(dotted, before == '.');
            if (why != null) return why;
            before = 'a';
        }
        return null;
    }

    private static String named(String dotted, boolean member) {
        for (String part : dotted.split("\\.")) {
            if (part.equals("class") || part.equals("getClass")) return "uses reflection (" + dotted + ")";
        }
        if (member) return null;
        String root = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
        if (root.equals("new")) return "creates objects; conditions compare the facts' values";
        if (RuleCode.ENGINE_NAMES.contains(root)) return "reaches the engine itself (" + root + ")";
        if (!RuleTypes.looksLikeType(dotted)) return null;
        String type = typePart(dotted);
        return RuleTypes.isValueType(type) ? null : "names " + type + "; " + RuleTypes.VALUE_TYPES;
    }

    /** {@code TumorType} of {@code TumorType.LUNG}, {@code java.lang.System} of {@code java.lang.System.exit}. */
    private static String typePart(String dotted) {
        String[] parts = dotted.split("\\.");
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (b.length() > 0) b.append('.');
            b.append(p);
            if (Character.isUpperCase(p.charAt(0))) return b.toString();
        }
        return dotted;
    }

    private static int endOfString(String s, int open) {
        char q = s.charAt(open);
        int k = open + 1;
        while (k < s.length() && s.charAt(k) != q) k += s.charAt(k) == '\\' ? 2 : 1;
        return Math.min(k + 1, s.length());
    }
}
