package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/** How mature a targeting is. A targeting with no TargetingEvidence fact does not lower a recommendation's level. */
public record TargetingEvidence(Targeting targeting, EvidenceLevel level) {
    @Override
    public String toString() { return RecordText.of(this); }
}
