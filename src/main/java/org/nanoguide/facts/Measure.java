package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/** A number a rule worked out from the case (a cumulative dose, say), for other rules to compare. */
public record Measure(String name, double value, String unit) {
    @Override
    public String toString() { return RecordText.of(this); }
}
