package org.nanoguide.whynot;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;

/** A failed pattern in words: which constraint no fact passes, and what the facts have instead. */
final class Words {
    private static final int VALUES = 8;

    private Words() { }

    static String noMatch(String type, List<String> constraints, List<Object> facts, List<WhyNotReport.CloseFact> closest) {
        if (facts.isEmpty()) return "there is no " + type + " fact: none in the case, and no rule concluded one";
        List<String> out = new ArrayList<>();
        for (String c : constraints) {
            if (closest.stream().anyMatch(f -> f.passes().contains(c))) continue;
            String field = field(c);
            String have = "";
            if (field != null) {
                Set<String> values = new LinkedHashSet<>();
                for (Object f : facts) values.add(String.valueOf(value(f, field)));
                List<String> shown = new ArrayList<>(values).subList(0, Math.min(VALUES, values.size()));
                have = "; the " + type + " facts have " + field + " " + String.join(", ", shown) + (values.size() > VALUES ? ", ..." : "");
            }
            out.add("no " + type + " has " + c + have);
        }
        if (out.isEmpty()) return "no single " + type + " passes all its constraints: each fails at least one (below)";
        return String.join("; and ", out);
    }

    /** The field a constraint compares ({@code name} in {@code name == "X"} or {@code name in (...)}), read with Drools' expression parser. */
    static String field(String constraint) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
        ConstraintConnectiveDescr parsed;
        try {
            parsed = parser.parse(constraint);
        } catch (RuntimeException e) {
            return null;
        }
        if (parsed == null || parser.hasErrors()) return null;
        return left(parsed);
    }

    private static String left(BaseDescr d) {
        if (d instanceof RelationalExprDescr r && r.getLeft() instanceof AtomicExprDescr a && !a.isLiteral()
                && a.getExpression().strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return a.getExpression().strip();
        }
        if (d instanceof ConstraintConnectiveDescr c) {
            String field = null;
            for (BaseDescr x : c.getDescrs()) {
                String f = left(x);
                if (f == null || field != null && !field.equals(f)) return null;
                field = f;
            }
            return field;
        }
        return null;
    }

    /** A fact's field, by its record component or getter; null when it has none. */
    static Object value(Object fact, String field) {
        try {
            if (fact.getClass().isRecord()) {
                for (RecordComponent rc : fact.getClass().getRecordComponents()) {
                    if (rc.getName().equals(field)) return rc.getAccessor().invoke(fact);
                }
            }
            String cap = Character.toUpperCase(field.charAt(0)) + field.substring(1);
            for (String name : List.of("get" + cap, "is" + cap, field)) {
                try {
                    Method m = fact.getClass().getMethod(name);
                    return m.invoke(fact);
                } catch (NoSuchMethodException e) {
                    // the next spelling
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
