package org.nanoguide.model;

/** Tumor types of the case format. The last four are hematologic: there is no solid lesion. */
public enum TumorType {
    BREAST, OVARIAN, LUNG, PANCREATIC, PROSTATE, GLIOBLASTOMA, LIVER, COLORECTAL, GASTRIC,
    HEAD_AND_NECK, SKIN, CERVICAL, KAPOSI_SARCOMA, SARCOMA, OTHER_SOLID,
    LEUKEMIA(true), LYMPHOMA(true), MULTIPLE_MYELOMA(true), OTHER_HEMATOLOGIC(true);

    private final boolean hematologic;

    TumorType() { this(false); }

    TumorType(boolean hematologic) { this.hematologic = hematologic; }

    public boolean isHematologic() { return hematologic; }
}
