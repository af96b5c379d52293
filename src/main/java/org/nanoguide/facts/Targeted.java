package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/** Adds a targeting to every recommendation of this carrier; strengthens it by the rule's {@code @strength}. */
public record Targeted(Carrier carrier, Targeting targeting, String text) {
    @Override
    public String toString() { return RecordText.of(this); }
}
