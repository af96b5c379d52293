package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/** A limitation that travels with every recommendation of this carrier. */
public record Caution(Carrier carrier, String text) {
    @Override
    public String toString() { return RecordText.of(this); }
}
