package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/** A rule supports this carrier for this modality; its strength is the rule's {@code @strength}. */
public record Recommendation(Carrier carrier, Modality modality, String text) {
    @Override
    public String toString() { return RecordText.of(this); }
}
