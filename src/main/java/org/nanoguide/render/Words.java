package org.nanoguide.render;

import java.util.stream.Collectors;
import org.nanoguide.explain.Result;
import org.nanoguide.facts.EvidenceLevel;
import org.nanoguide.facts.Modality;

/** Shared wording of the human renderers, so text, Markdown and HTML say the same. */
public final class Words {
    private Words() { }

    static String cite(Result.Source s) {
        if (s.beyondReview()) return "beyond the review";
        String refs = s.refs().isEmpty() ? "" : " [" + s.refs().stream().map(String::valueOf).collect(Collectors.joining(", ")) + "]";
        return "review " + s.section() + refs;
    }

    /** Where a fact from outside the review comes from; null for the review's own. */
    static String publicSource(Result.Source s) {
        return s != null && s.beyondReview() && s.publicSource() != null && !s.publicSource().isBlank() ? s.publicSource() : null;
    }

    /** The quote of the review a source rests on, in quotation marks, its passages joined by an ellipsis; null when none. */
    static String quote(Result.Source s) {
        if (s == null || s.quote() == null || s.quote().isBlank()) return null;
        return org.nanoguide.review.QuoteVerifier.display(s.quote());
    }

    static String cite(Result.Citation c) {
        return c.ruleId() + "; " + cite(c.source());
    }

    static String evidence(EvidenceLevel e) {
        return switch (e) {
            case APPROVED -> "approved for this indication";
            case CLINICAL_TRIAL -> "studied in patients, not approved for this case";
            case INVESTIGATIONAL -> "investigational (no product in patients)";
        };
    }

    public static String percent(double certainty) {
        return Math.round(certainty * 100) + "%";
    }

    /** An excluded option named for people: carrier, modality and ligand, as far as the exclusion names them. */
    public static String excludedWhat(Result.ExcludedOption x) {
        Modality m = x.modality();
        return x.carrier().label() + (m == null ? "" : " for " + m.label())
                + (x.targeting() == null ? "" : ", targeted with " + x.targeting().label());
    }

    /** Said when no option is recommended: not advice against, but what the case lacks (see the warnings). */
    static final String NONE_RECOMMENDED = "No option reaches a recommendation for this case. This is not advice against "
            + "nanomedicine: the warnings say what is missing or what ruled options out.";

    static final String CONSIDERED = "Considered and outweighed (certainty at or below 20%: not recommended)";

    /** What the certainty figure means, said next to it in every report. */
    public static final String CERTAINTY_MEANING = "Certainty is how strongly the review's claims, taken together, support "
            + "this option over its drawbacks: not a probability that the treatment works.";

    /** The band of the certainty scale a value falls in, for people: the scale's cut points are MYCIN's 0.2 and even steps above it. */
    public static String certaintyBand(double certainty) {
        if (certainty <= org.nanoguide.explain.Certainty.OUTWEIGHED_AT_OR_BELOW) return "outweighed";
        if (certainty <= 0.5) return "weak support";
        if (certainty <= 0.8) return "moderate support";
        return "strong support";
    }

    /** How a report introduces the case's free-text description, which no rule reads (the HTML report's template says the same). */
    public static final String CASE_NOTE = "Note given with the case (free text, not read by the rules)";

    /** The certainty as a report says it: the figure, its band on the scale. */
    public static String certainty(double certainty) {
        return "certainty " + percent(certainty) + " (" + certaintyBand(certainty) + ")";
    }

    /**
     * Warnings about harm to the patient, shown in a report's bottom line; the others (data
     * missing, equipment, evidence limits) say what the advice could not use.
     */
    public static boolean safety(org.nanoguide.facts.WarningCode code) {
        return switch (code) {
            case CARDIAC_RISK, CUMULATIVE_ANTHRACYCLINE, LONG_TERM_SAFETY, PATIENT_CONTEXT -> true;
            default -> false;
        };
    }

    /** The caution that matters most for an option: the one whose rule is strongest (the rules rank them), the first on a tie; null when none. */
    public static Result.Citation strongestCaution(Result.RankedRecommendation o) {
        Result.Citation best = null;
        for (Result.Citation c : o.cautions()) {
            double s = c.strength() == null ? 0.0 : c.strength();
            if (best == null || s > (best.strength() == null ? 0.0 : best.strength())) best = c;
        }
        return best;
    }

    /** Every reference number a result cites, in order. */
    static java.util.SortedSet<Integer> citedRefs(Result r) {
        java.util.SortedSet<Integer> out = new java.util.TreeSet<>();
        java.util.function.Consumer<Result.Source> add = s -> {
            if (s != null && !s.beyondReview()) out.addAll(s.refs());
        };
        for (java.util.List<Result.RankedRecommendation> list : java.util.List.of(r.recommendations(), r.considered())) {
            for (Result.RankedRecommendation o : list) {
                for (java.util.List<Result.Citation> cs : java.util.List.of(o.reasons(), o.against(), o.cautions(), o.evidenceBasis())) {
                    cs.forEach(c -> add.accept(c.source()));
                }
            }
        }
        r.excluded().forEach(x -> x.reasons().forEach(c -> add.accept(c.source())));
        r.warnings().forEach(w -> add.accept(w.source()));
        r.findings().forEach(f -> add.accept(f.source()));
        return out;
    }
}
