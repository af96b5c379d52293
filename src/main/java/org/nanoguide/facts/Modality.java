package org.nanoguide.facts;

/** Modalities of result-format.md. */
public enum Modality {
    DRUG_DELIVERY, CO_DELIVERY, GENE_SILENCING, PHOTOTHERMAL, CHEMO_PHOTOTHERMAL,
    MAGNETIC_HYPERTHERMIA, IMAGING, THERANOSTIC;

    /** How reports name it (labels.properties). */
    public String label() { return Labels.of(this); }
}
