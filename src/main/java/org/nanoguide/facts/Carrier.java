package org.nanoguide.facts;

/** Carriers of result-format.md. */
public enum Carrier {
    LIPOSOME("Liposomes"),
    PEGYLATED_LIPOSOME("PEGylated liposomes"),
    POLYMERIC_NP("Polymeric nanoparticles (PLGA, chitosan, PCL)"),
    DENDRIMER("Dendrimers"),
    GOLD_NP("Gold nanoparticles"),
    SILVER_NP("Silver nanoparticles"),
    IRON_OXIDE_NP("Iron oxide nanoparticles"),
    HEAVY_METAL_QD("Heavy-metal quantum dots (Cd, Pb, Se)"),
    CARBON_QD("Carbon quantum dots"),
    SILICON_QD("Silicon quantum dots"),
    CARBON_NP("Carbon-based nanoparticles"),
    HYBRID_NP("Hybrid nanoparticles"),
    ALBUMIN_NP("Albumin-bound nanoparticles");

    private final String label;

    Carrier(String label) { this.label = label; }

    public String label() { return label; }
}
