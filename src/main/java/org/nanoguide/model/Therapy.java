package org.nanoguide.model;

import java.util.List;

public record Therapy(
        List<String> plannedDrugs,
        Boolean geneSilencing,
        Boolean drugPoorlySoluble,
        Boolean drugEnzymeLabile,
        Boolean sustainedReleaseWanted) {

    public static final Therapy UNKNOWN = new Therapy(null, null, null, null, null);

    public Therapy {
        plannedDrugs = plannedDrugs == null ? List.of() : List.copyOf(plannedDrugs);
    }

    @Override
    public String toString() { return RecordText.of(this); }
}
