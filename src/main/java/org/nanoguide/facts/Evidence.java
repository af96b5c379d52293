package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/** How mature a carrier is for a modality. A pair with no Evidence fact is INVESTIGATIONAL. */
public record Evidence(Carrier carrier, Modality modality, EvidenceLevel level) {
    @Override
    public String toString() { return RecordText.of(this); }
}
