package org.nanoguide.model;

/**
 * Tumor subtypes that a product label or a rule depends on, each belonging to one tumor type.
 * Only subtypes some label or rule reads are listed; a case leaves the subtype out when it is
 * not known or not one of these.
 */
public enum TumorSubtype {
    AML_THERAPY_RELATED(TumorType.LEUKEMIA),
    AML_MYELODYSPLASIA_RELATED(TumorType.LEUKEMIA),
    AML_OTHER(TumorType.LEUKEMIA),
    ALL(TumorType.LEUKEMIA),
    CLL(TumorType.LEUKEMIA),
    CML(TumorType.LEUKEMIA),
    NSCLC_ADENOCARCINOMA(TumorType.LUNG),
    NSCLC_SQUAMOUS(TumorType.LUNG),
    NSCLC_OTHER(TumorType.LUNG),
    SMALL_CELL_LUNG(TumorType.LUNG),
    TRIPLE_NEGATIVE(TumorType.BREAST),
    HORMONE_RECEPTOR_POSITIVE(TumorType.BREAST),
    PANCREATIC_ADENOCARCINOMA(TumorType.PANCREATIC),
    PANCREATIC_NEUROENDOCRINE(TumorType.PANCREATIC),
    AIDS_RELATED_KAPOSI(TumorType.KAPOSI_SARCOMA),
    NON_AIDS_KAPOSI(TumorType.KAPOSI_SARCOMA),
    OSTEOSARCOMA(TumorType.SARCOMA),
    SOFT_TISSUE_SARCOMA(TumorType.SARCOMA);

    private final TumorType type;

    TumorSubtype(TumorType type) { this.type = type; }

    /** The tumor type this subtype belongs to. */
    public TumorType type() { return type; }
}
