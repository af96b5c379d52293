package org.nanoguide.facts;

/** Targeting of result-format.md; an empty list in a result means passive only. */
public enum Targeting {
    PASSIVE_EPR("passive EPR accumulation"),
    FOLATE("folate"),
    ANTI_HER2("anti-HER2 antibody"),
    TRANSFERRIN("transferrin");

    private final String label;

    Targeting(String label) { this.label = label; }

    public String label() { return label; }
}
