package org.nanoguide.kb;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The types a rule may name: the fact classes of {@code org.nanoguide.facts}, the enums and
 * records of {@code org.nanoguide.model} (the case's values), primitives, and a few value types of
 * {@code java.lang}. None of them reaches files, processes, threads or reflection, so a rule
 * limited to them stays data.
 */
final class RuleTypes {
    static final String FACTS = "org.nanoguide.facts";
    static final String MODEL = "org.nanoguide.model";
    static final String VALUE_TYPES = "rules may only use the facts of " + FACTS + ", the enums and records of " + MODEL
            + ", String, Math and the number types";
    private static final Set<String> JAVA_LANG = Set.of("String", "Math", "Integer", "Long", "Double", "Float", "Short",
            "Byte", "Boolean", "Character", "Number", "CharSequence", "Object");
    private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double", "void");
    /** Roots of qualified names outside the project's value types. */
    private static final List<String> FOREIGN_ROOTS = List.of("java", "javax", "jdk", "sun", "com", "org", "net", "io", "kotlin", "scala");
    private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();

    private RuleTypes() { }

    /** A class of {@code org.nanoguide.facts}, by simple or qualified name. */
    static boolean isFact(String name) {
        String n = bare(name);
        if (n.startsWith(FACTS + ".")) n = n.substring(FACTS.length() + 1);
        return !n.contains(".") && exists(FACTS + "." + n, false);
    }

    /** A type a rule may name: see the class comment. Generic arguments and array brackets are ignored. */
    static boolean isValueType(String name) {
        String n = bare(name);
        if (PRIMITIVES.contains(n) || JAVA_LANG.contains(n) || n.equals("java.lang." + simple(n)) && JAVA_LANG.contains(simple(n))) return true;
        if (isFact(n)) return true;
        if (n.startsWith(MODEL + ".")) n = n.substring(MODEL.length() + 1);
        return !n.contains(".") && exists(MODEL + "." + n, true);
    }

    /**
     * A plain name no rule file can reach: not one of its value types, and, as a rule file may
     * import only the project's packages, not a class of {@code java.lang} either. Such a name is
     * a misspelt fact type, which the compiler could not resolve anyway.
     */
    static boolean isUnknown(String name) {
        String n = bare(name);
        if (n.contains(".") || isValueType(n) || !n.matches("[A-Z][A-Za-z0-9_]*")) return false;
        return !exists(FACTS + "." + n, false) && !exists(MODEL + "." + n, false) && !exists("java.lang." + n, false);
    }

    /**
     * Whether a dotted name is a type rather than a variable: it starts with a capital (rules
     * name their variables {@code $x} or in lower case) or with a package root such as {@code java}.
     */
    static boolean looksLikeType(String dotted) {
        String root = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
        if (root.startsWith("$")) return false;
        return Character.isUpperCase(root.charAt(0)) || dotted.contains(".") && FOREIGN_ROOTS.contains(root);
    }

    private static String bare(String name) {
        String n = name.strip();
        int generic = n.indexOf('<');
        if (generic >= 0) n = n.substring(0, generic);
        return n.replace("[]", "").replace("...", "").strip();
    }

    private static String simple(String n) {
        return n.substring(n.lastIndexOf('.') + 1);
    }

    /** Loads nothing: only asks whether the project has the class (and, in the model, whether it is a value). */
    private static boolean exists(String className, boolean valuesOnly) {
        return KNOWN.computeIfAbsent(className + (valuesOnly ? "/value" : ""), k -> {
            if (!simple(className).matches("[A-Z][A-Za-z0-9_]*")) return false;
            try {
                Class<?> c = Class.forName(className, false, RuleTypes.class.getClassLoader());
                return !valuesOnly || c.isEnum() || c.isRecord();
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }
}
