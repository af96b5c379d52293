package org.nanoguide.facts;

/** Modalities of result-format.md. */
public enum Modality {
    DRUG_DELIVERY("drug delivery"),
    CO_DELIVERY("co-delivery of two drugs"),
    GENE_SILENCING("siRNA gene silencing with chemotherapy"),
    PHOTOTHERMAL("photothermal therapy"),
    CHEMO_PHOTOTHERMAL("chemo-photothermal therapy"),
    MAGNETIC_HYPERTHERMIA("magnetic hyperthermia"),
    IMAGING("imaging"),
    THERANOSTIC("theranostics (therapy with imaging)");

    private final String label;

    Modality(String label) { this.label = label; }

    public String label() { return label; }
}
