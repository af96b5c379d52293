package org.nanoguide.facts;

/** Carriers of result-format.md. */
public enum Carrier {
    LIPOSOME, PEGYLATED_LIPOSOME, POLYMERIC_NP, DENDRIMER, GOLD_NP, SILVER_NP, IRON_OXIDE_NP,
    HEAVY_METAL_QD, CARBON_QD, SILICON_QD, CARBON_NP, HYBRID_NP, ALBUMIN_NP;

    /** How reports name it (labels.properties). */
    public String label() { return Labels.of(this); }
}
