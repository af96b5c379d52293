package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/** Evidence against this carrier for this case (cost, say): lowers its certainty by the rule's {@code @strength}. */
public record Drawback(Carrier carrier, String text) {
    @Override
    public String toString() { return RecordText.of(this); }
}
