package org.nanoguide.whynot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.nanoguide.kb.RuleSource;

/**
 * Takes the condition that failed apart: a pattern ({@code PlannedDrug( name == "X" )}), or one
 * under {@code exists} or {@code not}. Each of its constraints is tried alone, after the
 * conditions before it, as a probe rule over the facts; each fact of the pattern's type then
 * passes some constraints and fails others, and the facts that pass most came closest. Any
 * other condition ({@code or}, {@code accumulate}, {@code from}, {@code eval}, {@code forall},
 * a {@code not} over several patterns) is not taken apart, and the outcome says so.
 */
final class Closest {
    /** The failing condition in words, the closest facts (null when not taken apart), and what could not be seen. */
    record Outcome(String because, List<WhyNotReport.CloseFact> closest, String limit) { }

    private static final int SHOWN = 5;

    private Closest() { }

    static Outcome explain(RuleSource source, String rule, int failing, List<Object> facts) {
        BaseDescr condition = condition(source, rule, failing);
        PatternDescr pattern = pattern(condition);
        if (pattern == null) {
            return new Outcome(failing == 1 ? "no fact of the case satisfies it" : "it holds for no combination of the facts the conditions before it matched",
                    null, "nanoguide does not take apart " + kind(condition) + " conditions: it can say that this one failed, not which part of it.");
        }
        List<String> constraints = pattern.getDescrs().stream().map(Closest::text).toList();
        String type = pattern.getObjectType();
        Map<String, Set<Object>> bound = new LinkedHashMap<>();
        List<String> alone = new ArrayList<>();
        List<Probes.Probe> probes = new ArrayList<>();
        probes.add(probe(source, rule, failing, "candidates", null));
        for (int j = 0; j < constraints.size(); j++) probes.add(probe(source, rule, failing, "constraint-" + j, j));
        probes.add(probe(source, rule, failing, "all", -1));
        try {
            Probes.run(source.descriptors(), probes, facts).forEach((name, m) -> bound.put(name, m.bound()));
        } catch (IllegalStateException together) {
            // a constraint that uses another's binding cannot be tried alone: try each probe by itself
            for (Probes.Probe p : probes) {
                try {
                    bound.put(p.name(), Probes.run(source.descriptors(), List.of(p), facts).get(p.name()).bound());
                } catch (IllegalStateException e) {
                    if (p.name().startsWith("constraint-")) alone.add(constraints.get(Integer.parseInt(p.name().substring(11))));
                }
            }
        }
        Set<Object> candidates = bound.getOrDefault("candidates", Set.of());
        List<Object> ofType = facts.stream().filter(candidates::contains).toList();
        List<WhyNotReport.CloseFact> closest = new ArrayList<>();
        for (Object f : ofType) {
            List<String> passes = new ArrayList<>();
            List<String> fails = new ArrayList<>();
            for (int j = 0; j < constraints.size(); j++) {
                Set<Object> ok = bound.get("constraint-" + j);
                if (ok == null) continue;
                (ok.contains(f) ? passes : fails).add(constraints.get(j));
            }
            closest.add(new WhyNotReport.CloseFact(String.valueOf(f), passes, fails));
        }
        closest.sort(Comparator.comparingInt((WhyNotReport.CloseFact c) -> c.fails().size()));
        String limit = alone.isEmpty() ? null : "These constraints use a binding of another constraint of the pattern, so they were not tried alone: "
                + String.join("; ", alone) + ".";
        String because = condition instanceof NotDescr
                ? forbidden(type, bound.getOrDefault("all", Set.of()), facts)
                : Words.noMatch(type, constraints, ofType, closest);
        return new Outcome(because, closest.subList(0, Math.min(SHOWN, closest.size())), limit);
    }

    private static String forbidden(String type, Set<Object> matched, List<Object> facts) {
        List<String> culprits = facts.stream().filter(matched::contains).map(String::valueOf).toList();
        if (culprits.isEmpty()) return "it forbids a " + type + " that goes with the facts the conditions before it matched";
        return "it forbids a " + type + " like this, and the case has " + (culprits.size() == 1 ? "one: " : "some: ")
                + String.join("; ", culprits.subList(0, Math.min(SHOWN, culprits.size())));
    }

    /** A probe: the conditions before the failing one, then its pattern with one constraint ({@code only}), none (null) or all (-1). */
    private static Probes.Probe probe(RuleSource source, String rule, int failing, String name, Integer only) {
        List<BaseDescr> fresh = WhyNot.descr(source.descriptors(), rule).getLhs().getDescrs();
        List<BaseDescr> conditions = new ArrayList<>(fresh.subList(0, failing - 1));
        PatternDescr p = pattern(fresh.get(failing - 1));
        if (p.getIdentifier() == null) p.setIdentifier(Probes.FACT);
        List<BaseDescr> all = new ArrayList<>(p.getDescrs());
        if (only == null || only >= 0) {
            p.removeAllConstraint();
            if (only != null) p.addConstraint(all.get(only));
        }
        conditions.add(p);
        return new Probes.Probe(name, conditions, p.getIdentifier());
    }

    private static BaseDescr condition(RuleSource source, String rule, int failing) {
        return WhyNot.descr(source.descriptors(), rule).getLhs().getDescrs().get(failing - 1);
    }

    /** The one pattern a condition tests, or null when it is not a pattern (or exists/not over one). */
    private static PatternDescr pattern(BaseDescr condition) {
        BaseDescr d = condition;
        if ((d instanceof ExistsDescr || d instanceof NotDescr)) {
            List<?> inner = ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs();
            if (inner.size() != 1) return null;
            d = (BaseDescr) inner.get(0);
        }
        return d instanceof PatternDescr p && p.getSource() == null ? p : null;
    }

    private static String kind(BaseDescr d) {
        if (d instanceof PatternDescr p && p.getSource() != null) {
            return p.getSource() instanceof org.drools.drl.ast.descr.AccumulateDescr ? "accumulate" : "`from`";
        }
        if (d instanceof NotDescr) return "`not` over several patterns";
        if (d instanceof ExistsDescr) return "`exists` over several patterns";
        String name = d.getClass().getSimpleName().replace("Descr", "").toLowerCase(java.util.Locale.ROOT);
        return "`" + name + "`";
    }

    private static String text(BaseDescr constraint) {
        return constraint instanceof org.drools.drl.ast.descr.ExprConstraintDescr e ? e.getExpression().strip() : constraint.getText();
    }

}
