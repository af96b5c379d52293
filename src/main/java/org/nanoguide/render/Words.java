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
}
