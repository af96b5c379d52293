package org.nanoguide.facts;

/** Targeting of result-format.md; an empty list in a result means passive only. */
public enum Targeting {
    PASSIVE_EPR, FOLATE, ANTI_HER2, TRANSFERRIN;

    /** How reports name it (labels.properties). */
    public String label() { return Labels.of(this); }
}
