package org.nanoguide.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The advice a case must produce (the {@code expected} block of a case file). Every list is
 * optional; each entry is checked on its own. Values are the result vocabularies' names.
 *
 * @param recommended    recommendations that must be there: a carrier, optionally with its
 *                       modality, targetings it must include (without a ligand it must be the
 *                       untargeted option), its rank, its evidence level, its certainty range and
 *                       the rules whose cautions it must carry
 * @param excluded       carriers that must be in {@code excluded}
 * @param notRecommended carriers that must not be recommended
 * @param considered     carriers that must be listed as considered and outweighed
 * @param warnings       warning codes that must be raised
 * @param cautions       rule ids: some recommendation must carry a caution of each
 * @param fired          rule ids that must fire on the case
 * @param notFired       rule ids that must not fire on the case
 * @param note           free text: why this is the right advice
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Expected(
        List<ExpectedRecommendation> recommended,
        List<String> excluded,
        List<String> notRecommended,
        List<String> considered,
        List<String> warnings,
        List<String> cautions,
        List<String> fired,
        List<String> notFired,
        String note) {

    public Expected {
        recommended = copy(recommended);
        excluded = copy(excluded);
        notRecommended = copy(notRecommended);
        considered = copy(considered);
        warnings = copy(warnings);
        cautions = copy(cautions);
        fired = copy(fired);
        notFired = copy(notFired);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Whether checking this block needs the rule firings (the trace). */
    public boolean needsFirings() {
        return !fired.isEmpty() || !notFired.isEmpty();
    }

    /** A certainty from {@code min} to {@code max}, both inclusive; either may be left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CertaintyRange(Double min, Double max) {
        public boolean contains(double certainty) {
            return (min == null || certainty >= min) && (max == null || certainty <= max);
        }

        @Override
        public String toString() {
            if (min != null && max != null) return "from " + min + " to " + max;
            return min != null ? "at least " + min : max != null ? "at most " + max : "any";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ExpectedRecommendation(String carrier, String modality, List<String> targeting, Integer rank, String evidence,
                                         CertaintyRange certainty, List<String> cautions) {
        public ExpectedRecommendation {
            targeting = copy(targeting);
            cautions = copy(cautions);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(carrier);
            if (modality != null) sb.append(' ').append(modality);
            if (!targeting.isEmpty()) sb.append(" targeting ").append(String.join("+", targeting));
            if (rank != null) sb.append(" at rank ").append(rank);
            if (evidence != null) sb.append(" with evidence ").append(evidence);
            if (certainty != null) sb.append(" with certainty ").append(certainty);
            if (!cautions.isEmpty()) sb.append(" with cautions from ").append(String.join(", ", cautions));
            return sb.toString();
        }
    }
}
