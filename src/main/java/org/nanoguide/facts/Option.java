package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/**
 * An option the rules are weighing: a carrier for a modality, untargeted ({@code targeting}
 * null) or a variant with one ligand. A rule makes one for every carrier and modality some
 * {@code Recommendation} supports and for every ligand a {@code Targeted} adds, so that evidence,
 * limits and exclusions are concluded per option.
 */
public record Option(Carrier carrier, Modality modality, Targeting targeting) {
    @Override
    public String toString() { return RecordText.of(this); }
}
