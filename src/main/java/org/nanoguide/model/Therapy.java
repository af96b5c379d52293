package org.nanoguide.model;

import java.util.List;

/**
 * The therapy context. {@code priorDrugs} and {@code priorLines} are null when not known, which
 * is not the same as none; labels that depend on the line of therapy read them.
 *
 * @param plannedAnthracyclineMgPerM2 the cumulative anthracycline dose (doxorubicin-equivalent)
 *                                    of the planned course, when the plan says it
 */
public record Therapy(
        List<String> plannedDrugs,
        Boolean geneSilencing,
        Boolean drugPoorlySoluble,
        Boolean drugEnzymeLabile,
        Boolean sustainedReleaseWanted,
        Integer priorLines,
        List<String> priorDrugs,
        Double plannedAnthracyclineMgPerM2) {

    public static final Therapy UNKNOWN = new Therapy(null, null, null, null, null, null, null, null);

    public Therapy {
        plannedDrugs = plannedDrugs == null ? List.of() : List.copyOf(plannedDrugs);
        priorDrugs = priorDrugs == null ? null : List.copyOf(priorDrugs);
    }

    @Override
    public String toString() { return RecordText.of(this); }
}
