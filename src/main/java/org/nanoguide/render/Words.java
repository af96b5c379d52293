package org.nanoguide.render;

import java.util.stream.Collectors;
import org.nanoguide.explain.Result;
import org.nanoguide.facts.EvidenceLevel;
import org.nanoguide.facts.Modality;

/** Shared wording of the human renderers, so text, Markdown and HTML say the same. */
final class Words {
    private Words() { }

    static String cite(Result.Source s) {
        String refs = s.refs().isEmpty() ? "" : " [" + s.refs().stream().map(String::valueOf).collect(Collectors.joining(", ")) + "]";
        return "review " + s.section() + refs;
    }

    static String cite(Result.Citation c) {
        return c.ruleId() + "; " + cite(c.source());
    }

    static String evidence(EvidenceLevel e) {
        return switch (e) {
            case APPROVED -> "approved products exist";
            case CLINICAL_TRIAL -> "in clinical trials";
            case INVESTIGATIONAL -> "investigational";
        };
    }

    static String percent(double certainty) {
        return Math.round(certainty * 100) + "%";
    }

    static String excludedWhat(Result.ExcludedOption x) {
        Modality m = x.modality();
        return x.carrier().label() + (m == null ? "" : " for " + m.label());
    }
}
