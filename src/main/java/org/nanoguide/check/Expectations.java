package org.nanoguide.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.nanoguide.explain.Result;
import org.nanoguide.model.Expected;

/**
 * Compares a result with a case's {@code expected} block. Each failure is one line that says
 * what was expected beside what came out, in the vocabulary a domain expert wrote.
 */
public final class Expectations {
    private Expectations() { }

    /** As {@link #failures(Expected, Result, Set)}, without checking that the rule ids named exist. */
    public static List<String> failures(Expected expected, Result result) {
        return failures(expected, result, null);
    }

    /**
     * @param ruleIds the knowledge base's rule ids, so that a misspelt id in {@code fired},
     *                {@code notFired} or {@code cautions} fails instead of passing unnoticed; null: not checked
     */
    public static List<String> failures(Expected expected, Result result, Set<String> ruleIds) {
        List<String> out = new ArrayList<>();
        if (expected == null) return out;
        if (ruleIds != null) unknownRules(expected, ruleIds, out);
        for (Expected.ExpectedRecommendation want : expected.recommended()) {
            String failure = recommendation(want, result);
            if (failure != null) out.add(failure);
        }
        for (String carrier : expected.excluded()) {
            if (result.excluded().stream().noneMatch(x -> x.carrier().name().equals(carrier))) {
                out.add("expected excluded: " + carrier + "; got excluded " + names(result.excluded().stream()
                        .map(x -> x.carrier().name() + (x.modality() == null ? "" : " " + x.modality())).toList()));
            }
        }
        for (String carrier : expected.notRecommended()) {
            List<Result.RankedRecommendation> found = result.recommendations().stream()
                    .filter(r -> r.carrier().name().equals(carrier)).toList();
            if (!found.isEmpty()) out.add("expected not recommended: " + carrier + "; got " + describe(found));
        }
        for (String carrier : expected.considered()) {
            if (result.considered().stream().noneMatch(r -> r.carrier().name().equals(carrier))) {
                out.add("expected considered and outweighed: " + carrier + "; got considered " + names(result.considered().stream()
                        .map(r -> r.carrier().name() + " " + r.modality()).toList()));
            }
        }
        for (String code : expected.warnings()) {
            if (result.warnings().stream().noneMatch(w -> w.code().name().equals(code))) {
                out.add("expected warning: " + code + "; got warnings " + names(result.warnings().stream().map(w -> w.code().name()).distinct().toList()));
            }
        }
        List<String> cautions = result.recommendations().stream().flatMap(r -> cautionRules(r).stream()).distinct().toList();
        for (String rule : expected.cautions()) {
            if (!cautions.contains(rule)) out.add("expected a caution from rule " + rule + "; got cautions from " + names(cautions));
        }
        firings(expected, result, out);
        return out;
    }

    /** The first unmet part of one expected recommendation, or null when a recommendation meets it all. */
    private static String recommendation(Expected.ExpectedRecommendation want, Result result) {
        List<Result.RankedRecommendation> matching = result.recommendations().stream()
                .filter(r -> r.carrier().name().equals(want.carrier()))
                .filter(r -> want.modality() == null || r.modality().name().equals(want.modality()))
                .toList();
        if (matching.isEmpty()) return "expected recommended: " + want + "; got " + (result.recommendations().isEmpty()
                ? "no recommendation" : describe(result.recommendations()));
        // without a ligand, the expectation is about the untargeted option, not its variants
        boolean wantsLigand = want.targeting().stream().anyMatch(t -> !t.equals("PASSIVE_EPR"));
        List<Predicate<Result.RankedRecommendation>> tests = List.of(
                r -> r.targeting().stream().map(Enum::name).toList().containsAll(want.targeting()) && (wantsLigand || r.ligand() == null),
                r -> want.rank() == null || r.rank() == want.rank(),
                r -> want.evidence() == null || r.evidence().name().equals(want.evidence()),
                r -> want.certainty() == null || want.certainty().contains(r.certainty()),
                r -> cautionRules(r).containsAll(want.cautions()));
        List<Result.RankedRecommendation> left = matching;
        for (Predicate<Result.RankedRecommendation> test : tests) {
            List<Result.RankedRecommendation> kept = left.stream().filter(test).toList();
            if (kept.isEmpty()) {
                String got = describe(left);
                if (!want.cautions().isEmpty() && test == tests.get(tests.size() - 1)) {
                    got += ", with cautions from " + names(left.stream().flatMap(r -> cautionRules(r).stream()).distinct().toList());
                }
                return "expected recommended: " + want + "; got " + got;
            }
            left = kept;
        }
        return null;
    }

    private static List<String> cautionRules(Result.RankedRecommendation r) {
        return r.cautions().stream().map(Result.Citation::ruleId).distinct().toList();
    }

    private static void firings(Expected expected, Result result, List<String> out) {
        if (!expected.needsFirings()) return;
        if (result.trace() == null) {
            out.add("expected rule firings, but the case was evaluated without a trace");
            return;
        }
        Set<String> fired = result.trace().stream().map(Result.TraceStep::ruleId).collect(Collectors.toSet());
        for (String rule : expected.fired()) {
            if (!fired.contains(rule)) out.add("expected rule " + rule + " to fire; it did not (`nanoguide rules " + rule + " --why-not CASE` says why)");
        }
        for (String rule : expected.notFired()) {
            if (fired.contains(rule)) out.add("expected rule " + rule + " not to fire; it fired");
        }
    }

    private static void unknownRules(Expected expected, Set<String> ruleIds, List<String> out) {
        List<String> named = new ArrayList<>(expected.fired());
        named.addAll(expected.notFired());
        named.addAll(expected.cautions());
        expected.recommended().forEach(r -> named.addAll(r.cautions()));
        named.stream().distinct().filter(id -> !ruleIds.contains(id))
                .forEach(id -> out.add("no rule has the id " + id + " (named in the expected block; `nanoguide rules` lists them)"));
    }

    static String describe(Result.RankedRecommendation r) {
        return "#" + r.rank() + " " + r.carrier() + " " + r.modality()
                + (r.targeting().isEmpty() ? "" : " targeting " + r.targeting().stream().map(Enum::name).collect(Collectors.joining("+")))
                + " (" + r.certainty() + ", " + r.evidence() + ")";
    }

    private static String describe(Collection<Result.RankedRecommendation> rs) {
        return rs.stream().map(Expectations::describe).collect(Collectors.joining(", "));
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
