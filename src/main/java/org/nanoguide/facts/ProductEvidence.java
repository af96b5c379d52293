package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/**
 * How mature an option is for this case, because of one catalogued product: the option is its
 * carrier, modality and ligand ({@code targeting} null: untargeted). An option with no
 * ProductEvidence is INVESTIGATIONAL; with several, the most mature counts, and the products at
 * that level are the ones it names.
 */
public record ProductEvidence(Carrier carrier, Modality modality, Targeting targeting, EvidenceLevel level,
                              Product product, String text) {
    @Override
    public String toString() { return RecordText.of(this); }
}
