package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/**
 * A targeting for a recommended carrier and modality. {@code PASSIVE_EPR} is a property of the
 * option itself; a ligand (folate, anti-HER2, transferrin) makes a targeted variant, an option of
 * its own with its own evidence. Its support counts by the rule's {@code @strength}.
 */
public record Targeted(Carrier carrier, Modality modality, Targeting targeting, String text) {
    public boolean isLigand() { return targeting != Targeting.PASSIVE_EPR; }

    @Override
    public String toString() { return RecordText.of(this); }
}
