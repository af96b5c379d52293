package org.nanoguide.check.messages;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the Drools compiler's messages into ones a rule author can act on: the real line and
 * column, the fact type or field that is wrong and what the valid ones are, and a hint for the
 * parser's "mismatched input" errors. Anything it does not recognise is kept as Drools wrote it.
 * Authoring help, called by the loader for every DRL build that fails; it reads no DRL itself
 * beyond the lines of the rule it is given (rule boundaries come from {@code kb.RuleSource}).
 */
public final class CompileMessages {
    private static final Pattern PARSER = Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+) (.*?)(?: in rule \"?[^\"]*\"?)?$");
    private static final Pattern OBJECT_TYPE = Pattern.compile("Unable to resolve ObjectType '([\\w.$]+)'");
    private static final Pattern NO_FIELD = Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern CONSTRUCTOR = Pattern.compile("The constructor (\\w+)\\(([^)]*)\\) is undefined");
    private static final Pattern NOT_A_FIELD = Pattern.compile("(\\w+) cannot be resolved or is not a field");
    private static final Pattern MVEL_POS = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)\\]");

    /** A message and the line and column it is about. */
    public record Located(int line, int column, String message) { }

    private CompileMessages() { }

    /** What a condition on a type that does not exist (a typo such as {@code Tumour}) is told. */
    public static String notAFactType(String type) {
        return "'" + type + "' is not a fact type; the fact types are: "
                + String.join(", ", RuleVocabulary.factTypeNames()) + " (docs/authoring.md explains each)";
    }

    /**
     * @param lines the file's lines (0-based array), or null when unknown
     * @param ruleLine the line of the rule the error is in, 0 when unknown
     * @param ruleEnd  the last line of that rule, 0 when unknown
     */
    public static Located explain(String message, int line, int column, String[] lines, int ruleLine, int ruleEnd) {
        int last = lines == null ? 0 : ruleEnd > 0 ? Math.min(ruleEnd, lines.length) : lines.length;
        Matcher m = PARSER.matcher(message);
        if (m.find()) {
            int l = Integer.parseInt(m.group(1));
            int c = Integer.parseInt(m.group(2)) + 1;
            String text = m.group(3).strip();
            String hint = "";
            if (text.startsWith("mismatched input 'then'") || text.startsWith("mismatched input 'end'")) {
                hint = "; is a ')' missing, or a ',' between two conditions, on the lines before?";
            } else if (text.startsWith("mismatched input '<eof>'") || text.equals("mismatched input ''")) {
                hint = "; the file ends inside a rule: is a closing quote \" or the rule's 'end' missing?";
            } else if (text.startsWith("mismatched input '='")) {
                hint = "; a condition compares with '==' (and assigns nothing)";
            } else if (text.startsWith("no viable alternative")) {
                hint = "; this is not valid DRL here (a missing quote, comma or parenthesis?)";
            }
            return new Located(l, c, "syntax error: " + text + hint);
        }
        m = OBJECT_TYPE.matcher(message);
        if (m.find()) {
            String type = m.group(1);
            return new Located(line, columnOf(lines, line, type, column), notAFactType(type));
        }
        m = NO_FIELD.matcher(message);
        if (m.find()) {
            String type = m.group(1);
            String field = m.group(2);
            String simple = type.substring(type.lastIndexOf('.') + 1);
            Class<?> c = load(type);
            if (c != null && c.isEnum()) return unknownConstant(c, field, lines, line, ruleLine, column);
            List<String> fields = fields(type);
            return new Located(line, columnOf(lines, line, field, column), simple + " has no field '" + field + "'"
                    + (fields.isEmpty() ? "" : "; its fields are: " + String.join(", ", fields)));
        }
        m = CONSTRUCTOR.matcher(message);
        if (m.find()) {
            String type = m.group(1);
            int l = line;
            int c = column;
            if (lines != null) {
                Pattern call = Pattern.compile("\\bnew\\s+" + Pattern.quote(type) + "\\s*\\(");
                for (int i = Math.max(0, (ruleLine > 0 ? ruleLine : line) - 1); i < last; i++) {
                    Matcher cm = call.matcher(lines[i]);
                    if (cm.find()) {
                        l = i + 1;
                        c = cm.start() + 1;
                        break;
                    }
                }
            }
            List<String> forms = constructors(type);
            return new Located(l, c, "new " + type + "(" + m.group(2) + ") does not match: " + type + " is written "
                    + (forms.isEmpty() ? "differently" : String.join(" or ", forms)));
        }
        m = NOT_A_FIELD.matcher(message);
        if (m.find() && lines != null) {
            String name = m.group(1);
            Pattern qualified = Pattern.compile("\\b(\\w+)\\s*\\.\\s*" + Pattern.quote(name) + "\\b");
            for (int i = Math.max(0, (ruleLine > 0 ? ruleLine : line) - 1); i < last; i++) {
                Matcher q = qualified.matcher(lines[i]);
                if (q.find()) {
                    Class<?> c = load(q.group(1));
                    if (c != null && c.isEnum()) return unknownConstant(c, name, lines, i + 1, ruleLine, column);
                    break;
                }
            }
        }
        m = MVEL_POS.matcher(message);
        if (m.find() && column <= 0 && line > 0) {
            return new Located(line, 0, message);
        }
        return new Located(line, column, message);
    }

    /** Drools messages repeat themselves over several lines; keep them to one readable line. */
    public static String clean(String message) {
        String one = message.replaceAll("\\s*\\n\\s*", " ").replaceAll("\\s+", " ");
        return one.length() > 400 ? one.substring(0, 400) + " ..." : one;
    }

    /** {@code Carrier.GOLD_NANO}: names the vocabulary's values, at the line and column where it is written. */
    private static Located unknownConstant(Class<?> type, String name, String[] lines, int line, int ruleLine, int column) {
        String simple = type.getSimpleName();
        int l = line;
        int c = column;
        if (lines != null) {
            Pattern p = Pattern.compile("\\b" + Pattern.quote(simple) + "\\s*\\.\\s*(" + Pattern.quote(name) + ")\\b");
            int from = l > 0 ? l - 1 : Math.max(0, ruleLine - 1);
            for (int i = from; i < lines.length; i++) {
                Matcher m = p.matcher(lines[i]);
                if (m.find()) {
                    l = i + 1;
                    c = m.start(1) + 1;
                    break;
                }
            }
        }
        String values = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).collect(Collectors.joining(", "));
        return new Located(l, c, simple + "." + name + " does not exist; the values of " + simple + " are: " + values);
    }

    private static int columnOf(String[] lines, int line, String word, int fallback) {
        if (lines == null || line < 1 || line > lines.length) return fallback;
        Matcher m = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(lines[line - 1]);
        return m.find() ? m.start() + 1 : fallback;
    }

    /** A type the rules can name; a qualified name outside the vocabulary is looked up too. */
    private static Class<?> load(String name) {
        return RuleVocabulary.type(name).orElseGet(() -> {
            try {
                return Class.forName(name, false, CompileMessages.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return null;
            }
        });
    }

    /** The names a constraint can use on a type: record components and boolean isX() properties. */
    static List<String> fields(String type) {
        Class<?> c = load(type);
        if (c == null) return List.of();
        Set<String> out = new LinkedHashSet<>();
        if (c.isRecord()) for (RecordComponent rc : c.getRecordComponents()) out.add(rc.getName());
        // getMethods() has no fixed order: sort, so the same error gives the same message
        for (Method m : Arrays.stream(c.getMethods()).sorted(java.util.Comparator.comparing(Method::getName)).toList()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getName().startsWith("is")
                    && m.getName().length() > 2 && (m.getReturnType() == boolean.class)) {
                out.add(Character.toLowerCase(m.getName().charAt(2)) + m.getName().substring(3));
            }
        }
        return new ArrayList<>(out);
    }

    static List<String> constructors(String type) {
        Class<?> c = load(type);
        if (c == null) return List.of();
        List<String> out = new ArrayList<>();
        for (Constructor<?> k : c.getConstructors()) {
            String params;
            if (c.isRecord() && k.getParameterCount() == c.getRecordComponents().length) {
                params = Arrays.stream(c.getRecordComponents()).map(rc -> rc.getType().getSimpleName() + " " + rc.getName())
                        .collect(Collectors.joining(", "));
            } else {
                params = Arrays.stream(k.getParameters()).map(p -> p.getType().getSimpleName()).collect(Collectors.joining(", "));
            }
            out.add("new " + type + "(" + params + ")");
        }
        out.sort((a, b) -> b.length() - a.length());
        return out;
    }
}
