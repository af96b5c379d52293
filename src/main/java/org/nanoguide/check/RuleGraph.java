package org.nanoguide.check;

import com.github.javaparser.ParseProblemException;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.nanoguide.check.messages.RuleVocabulary;
import org.nanoguide.kb.RuleSource;

/**
 * Which rules build on which: rule B builds on rule A when one of B's conditions can match a fact
 * A's consequence inserts (a {@code Finding( code == "DEEP_LESION" )} on {@code new
 * Finding("DEEP_LESION", ...)}), or, under a {@code not}, when B holds only while A has not
 * concluded. It lets an author see what a change to one rule reaches before running the cases.
 *
 * <p>Read from Drools' parsed descriptors and the consequences' Java, as {@link Producers} does. A
 * fact matches a condition unless a field both fix differs: a condition's {@code ==} or {@code
 * in} with text, enum constants or {@code null} fixes a field, and so does a literal in the
 * consequence's {@code new}. Anything else (a variable, a range, a method) is taken to match, so
 * the graph may show a link the values never make, never miss one.
 */
public final class RuleGraph {
    /** A fact a consequence inserts: its type, and the fields it writes as literals. */
    private record Made(String rule, String type, Map<String, String> fields) { }

    /** A condition's pattern: its type, the values it allows for the fields it fixes, and whether it stands under a {@code not}. */
    private record Read(String type, Map<String, Set<String>> allowed, boolean absent) { }

    /**
     * One link: {@code reader} builds on what {@code maker} concludes.
     *
     * @param type   the fact type that links them
     * @param absent true when the reader holds only while that fact is absent (its pattern is under a {@code not})
     */
    public record Link(String maker, String reader, String type, boolean absent) { }

    private final List<Link> links;

    private RuleGraph(List<Link> links) {
        this.links = List.copyOf(links);
    }

    /** The graph of these rule files; a file that does not parse adds no link. */
    public static RuleGraph of(List<RuleSource> sources) {
        List<Made> made = new ArrayList<>();
        Map<String, List<Read>> reads = new LinkedHashMap<>();
        for (RuleSource src : sources) {
            PackageDescr pkg = src.descriptors();
            if (pkg == null) continue;
            for (RuleDescr r : pkg.getRules()) {
                var id = r.getAnnotation("id");
                String label = id == null || id.getValue() == null ? r.getName() : RuleSource.unquote(String.valueOf(id.getValue()));
                made.addAll(made(label, String.valueOf(r.getConsequence())));
                List<Read> rs = new ArrayList<>();
                if (r.getLhs() != null) reads(r.getLhs(), false, rs);
                reads.put(label, rs);
            }
        }
        Set<Link> out = new java.util.LinkedHashSet<>();
        reads.forEach((reader, rs) -> {
            for (Read read : rs) {
                for (Made m : made) {
                    if (!m.rule().equals(reader) && m.type().equals(read.type()) && agree(m, read)) {
                        out.add(new Link(m.rule(), reader, m.type(), read.absent()));
                    }
                }
            }
        });
        return new RuleGraph(new ArrayList<>(out));
    }

    /** The links into a rule: the rules whose conclusions it reads. */
    public List<Link> buildsOn(String rule) {
        return links.stream().filter(l -> l.reader().equals(rule)).toList();
    }

    /** The links out of a rule: the rules that read what it concludes. */
    public List<Link> readBy(String rule) {
        return links.stream().filter(l -> l.maker().equals(rule)).toList();
    }

    /** A list longer than this is given as a count: every rule that concludes a Recommendation says nothing rule by rule. */
    private static final int LISTED = 8;

    /**
     * One side of a rule's links as a line: by fact type, the rules on the other side, e.g.
     * {@code Finding: `a`, `b`; Option (while absent): `c`}; empty when there are none.
     *
     * @param makers true for the rules a rule builds on, false for the rules that read it
     */
    public static String describe(List<Link> links, boolean makers) {
        Map<String, Set<String>> m = new TreeMap<>();
        for (Link l : links) m.computeIfAbsent(l.type() + (l.absent() ? " (while absent)" : ""), k -> new TreeSet<>()).add(makers ? l.maker() : l.reader());
        List<String> parts = new ArrayList<>();
        m.forEach((type, rules) -> parts.add(type + ": " + (rules.size() > LISTED ? rules.size() + " rules"
                : String.join(", ", rules.stream().map(r -> "`" + r + "`").toList()))));
        return String.join("; ", parts);
    }

    private static boolean agree(Made m, Read read) {
        for (Map.Entry<String, Set<String>> e : read.allowed().entrySet()) {
            String v = m.fields().get(e.getKey());
            if (v != null && !e.getValue().contains(v)) return false;
        }
        return true;
    }

    private static List<Made> made(String rule, String consequence) {
        List<Made> out = new ArrayList<>();
        try {
            for (ObjectCreationExpr e : StaticJavaParser.parseBlock("{" + consequence + "}").findAll(ObjectCreationExpr.class)) {
                Class<?> c = RuleVocabulary.type(e.getType().getNameAsString()).orElse(null);
                if (c == null || !c.isRecord()) continue;
                RecordComponent[] rc = c.getRecordComponents();
                Map<String, String> fields = new HashMap<>();
                if (rc.length == e.getArguments().size()) {
                    for (int i = 0; i < rc.length; i++) {
                        String v = literal(e.getArgument(i), rc[i].getType());
                        if (v != null) fields.put(rc[i].getName(), v);
                    }
                }
                out.add(new Made(rule, c.getSimpleName(), fields));
            }
        } catch (ParseProblemException e) {
            // A consequence the Java parser cannot read adds no link; the compiler reports it.
        }
        return out;
    }

    /** A consequence's argument as the text a condition would compare it with, or null when it is not a literal. */
    private static String literal(Expression arg, Class<?> type) {
        if (arg instanceof StringLiteralExpr s) return s.asString();
        if (arg instanceof NullLiteralExpr) return "null";
        if (type.isEnum() && arg instanceof FieldAccessExpr f && f.getScope().toString().equals(type.getSimpleName())) return f.getNameAsString();
        return null;
    }

    private static void reads(BaseDescr d, boolean absent, List<Read> out) {
        if (d instanceof PatternDescr p) {
            if (p.getSource() != null) return;
            Class<?> type = RuleVocabulary.type(p.getObjectType()).orElse(null);
            if (type == null) return;
            Map<String, Set<String>> allowed = new HashMap<>();
            for (BaseDescr c : p.getDescrs()) if (c instanceof ExprConstraintDescr e) fixes(e.getExpression(), allowed);
            out.add(new Read(type.getSimpleName(), allowed, absent));
        } else if (d instanceof ConditionalElementDescr ce) {
            boolean inner = absent || d instanceof NotDescr;
            for (Object x : ce.getDescrs()) if (x instanceof BaseDescr b) reads(b, inner, out);
        }
    }

    /** The fields a constraint fixes to literals ({@code ==}, or {@code in}, which the parser reads as an or of {@code ==}). */
    private static void fixes(String expression, Map<String, Set<String>> allowed) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
        ConstraintConnectiveDescr parsed;
        try {
            parsed = parser.parse(expression);
        } catch (RuntimeException e) {
            return;
        }
        if (parsed == null || parser.hasErrors()) return;
        for (BaseDescr part : parsed.getDescrs()) {
            if (parsed.getConnective() == ConnectiveType.AND) fix(part, allowed);
        }
    }

    private static void fix(BaseDescr d, Map<String, Set<String>> allowed) {
        String field = null;
        Set<String> values = new TreeSet<>();
        List<BaseDescr> alternatives = d instanceof ConstraintConnectiveDescr c
                && (c.getConnective() == ConnectiveType.OR || c.getConnective() == ConnectiveType.INC_OR) ? c.getDescrs() : List.of(d);
        for (BaseDescr alt : alternatives) {
            if (!(alt instanceof RelationalExprDescr r) || r.isNegated() || !r.getOperator().equals("==")
                    || !(r.getLeft() instanceof AtomicExprDescr left) || !(r.getRight() instanceof AtomicExprDescr right)) return;
            String f = left.getExpression().strip();
            if (field != null && !field.equals(f)) return;
            field = f;
            String v = value(right.getExpression().strip());
            if (v == null) return;
            values.add(v);
        }
        if (field != null) allowed.merge(field, values, (a, b) -> { a.retainAll(b); return a; });
    }

    /** A condition's right-hand side as a literal: text in quotes, {@code Enum.NAME}, {@code null}; else null. */
    private static String value(String text) {
        if (text.length() >= 2 && (text.charAt(0) == '"' || text.charAt(0) == '\'') && text.charAt(text.length() - 1) == text.charAt(0)) {
            return text.substring(1, text.length() - 1);
        }
        if (text.equals("null")) return "null";
        int dot = text.indexOf('.');
        if (dot > 0 && dot == text.lastIndexOf('.') && Character.isUpperCase(text.charAt(0))
                && RuleVocabulary.type(text.substring(0, dot)).map(Class::isEnum).orElse(false)) {
            return text.substring(dot + 1);
        }
        return null;
    }
}
