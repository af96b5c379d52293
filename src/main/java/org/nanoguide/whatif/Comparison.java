package org.nanoguide.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nanoguide.explain.Result;
import org.nanoguide.explain.Result.CitedWarning;
import org.nanoguide.explain.Result.ExcludedOption;
import org.nanoguide.explain.Result.RankedRecommendation;
import org.nanoguide.facts.Targeting;

/**
 * What changed in the advice from one result to another: the first option, options added or
 * removed, exclusions, evidence levels, warnings, and certainty by more than a stated amount.
 * It compares what the rules concluded; it weighs nothing itself.
 */
public final class Comparison {
    /** Certainty changes at or below this are not reported (the rules' strengths are given to a tenth). */
    public static final double DEFAULT_CERTAINTY_DELTA = 0.05;

    private Comparison() { }

    /** The option's identity: carrier, modality and ligand. */
    static String key(RankedRecommendation r) {
        Targeting ligand = r.ligand();
        return r.carrier() + "/" + r.modality() + (ligand == null ? "" : "/" + ligand);
    }

    static String key(ExcludedOption x) {
        return x.carrier() + "/" + (x.modality() == null ? "*" : x.modality()) + (x.targeting() == null ? "" : "/" + x.targeting());
    }

    static String key(CitedWarning w) { return w.code() + "/" + w.ruleId(); }

    /** Every difference from {@code before} to {@code after}, most weighty kinds first. */
    public static List<Change> compare(Result before, Result after, double certaintyDelta) {
        return compare(before, after, certaintyDelta, null);
    }

    /**
     * As {@link #compare(Result, Result, double)}, for a variant that fills in {@code filledField}:
     * the MISSING_DATA warning naming that field goes away by construction and is not a change.
     */
    static List<Change> compare(Result before, Result after, double certaintyDelta, String filledField) {
        List<Change> out = new ArrayList<>();
        RankedRecommendation first0 = before.recommendations().isEmpty() ? null : before.recommendations().get(0);
        RankedRecommendation first1 = after.recommendations().isEmpty() ? null : after.recommendations().get(0);
        if (first0 == null ? first1 != null : first1 == null || !key(first0).equals(key(first1))) {
            out.add(new Change(Change.Kind.FIRST_OPTION, "first option "
                    + (first1 == null ? "none" : first1.summary()) + " (was " + (first0 == null ? "none" : first0.summary()) + ")"));
        }
        Map<String, RankedRecommendation> recs0 = byKey(before.recommendations());
        Map<String, RankedRecommendation> recs1 = byKey(after.recommendations());
        for (var e : recs1.entrySet()) {
            if (!recs0.containsKey(e.getKey())) out.add(new Change(Change.Kind.OPTION_ADDED, "recommends " + e.getValue().summary()));
        }
        for (var e : recs0.entrySet()) {
            if (!recs1.containsKey(e.getKey())) out.add(new Change(Change.Kind.OPTION_REMOVED, "no longer recommends " + e.getValue().summary()));
        }
        Map<String, ExcludedOption> x0 = new LinkedHashMap<>();
        for (ExcludedOption x : before.excluded()) x0.putIfAbsent(key(x), x);
        Map<String, ExcludedOption> x1 = new LinkedHashMap<>();
        for (ExcludedOption x : after.excluded()) x1.putIfAbsent(key(x), x);
        for (var e : x1.entrySet()) {
            if (!x0.containsKey(e.getKey())) out.add(new Change(Change.Kind.EXCLUSION_ADDED, "excludes " + Phrases.excluded(e.getValue())));
        }
        for (var e : x0.entrySet()) {
            if (!x1.containsKey(e.getKey())) out.add(new Change(Change.Kind.EXCLUSION_REMOVED, "no longer excludes " + Phrases.excluded(e.getValue())));
        }
        for (var e : recs1.entrySet()) {
            RankedRecommendation was = recs0.get(e.getKey());
            if (was == null) continue;
            RankedRecommendation now = e.getValue();
            if (was.evidence() != now.evidence()) {
                out.add(new Change(Change.Kind.EVIDENCE, now.summary() + ": evidence " + Phrases.evidence(now.evidence())
                        + " (was " + Phrases.evidence(was.evidence()) + ")"));
            }
            if (Math.abs(was.certainty() - now.certainty()) > certaintyDelta) {
                out.add(new Change(Change.Kind.CERTAINTY, now.summary() + ": certainty " + Phrases.percent(now.certainty())
                        + " (was " + Phrases.percent(was.certainty()) + ")"));
            }
        }
        Map<String, CitedWarning> w0 = new LinkedHashMap<>();
        for (CitedWarning w : before.warnings()) w0.putIfAbsent(key(w), w);
        Map<String, CitedWarning> w1 = new LinkedHashMap<>();
        for (CitedWarning w : after.warnings()) w1.putIfAbsent(key(w), w);
        for (var e : w1.entrySet()) {
            if (!w0.containsKey(e.getKey())) out.add(new Change(Change.Kind.WARNING_ADDED, "warns " + e.getValue().code() + ": " + e.getValue().text()));
        }
        for (var e : w0.entrySet()) {
            if (w1.containsKey(e.getKey())) continue;
            if (filledField != null && e.getValue().code() == org.nanoguide.facts.WarningCode.MISSING_DATA
                    && e.getValue().text().contains(filledField)) continue;
            out.add(new Change(Change.Kind.WARNING_REMOVED, "no longer warns " + e.getValue().code()));
        }
        out.sort(java.util.Comparator.comparingInt((Change c) -> -c.kind().weight()));
        return out;
    }

    /** How much the advice changes: the sum of the weights of the changes. */
    public static int weight(List<Change> changes) {
        int w = 0;
        for (Change c : changes) w += c.kind().weight();
        return w;
    }

    static Map<String, RankedRecommendation> byKey(List<RankedRecommendation> recs) {
        Map<String, RankedRecommendation> m = new LinkedHashMap<>();
        for (RankedRecommendation r : recs) m.putIfAbsent(key(r), r);
        return m;
    }
}
