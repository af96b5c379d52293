package org.nanoguide.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The advice a case must produce (the {@code expected} block of a case file). Every list is
 * optional; each entry is checked on its own. Values are the result vocabularies' names.
 *
 * @param recommended    recommendations that must be there: a carrier, optionally with its
 *                       modality, targetings it must include (without a ligand it must be the
 *                       untargeted option), its rank and its evidence level
 * @param excluded       carriers that must be in {@code excluded}
 * @param notRecommended carriers that must not be recommended
 * @param considered     carriers that must be listed as considered and outweighed
 * @param warnings       warning codes that must be raised
 * @param note           free text: why this is the right advice
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Expected(
        List<ExpectedRecommendation> recommended,
        List<String> excluded,
        List<String> notRecommended,
        List<String> considered,
        List<String> warnings,
        String note) {

    public Expected {
        recommended = recommended == null ? List.of() : List.copyOf(recommended);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
        notRecommended = notRecommended == null ? List.of() : List.copyOf(notRecommended);
        considered = considered == null ? List.of() : List.copyOf(considered);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ExpectedRecommendation(String carrier, String modality, List<String> targeting, Integer rank, String evidence) {
        public ExpectedRecommendation {
            targeting = targeting == null ? List.of() : List.copyOf(targeting);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(carrier);
            if (modality != null) sb.append(' ').append(modality);
            if (!targeting.isEmpty()) sb.append(" targeting ").append(String.join("+", targeting));
            if (rank != null) sb.append(" at rank ").append(rank);
            if (evidence != null) sb.append(" with evidence ").append(evidence);
            return sb.toString();
        }
    }
}
