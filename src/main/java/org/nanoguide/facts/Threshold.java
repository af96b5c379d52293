package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/** A named number the rules share, declared once by a cited rule. */
public record Threshold(String name, double value, String unit) {
    @Override
    public String toString() { return RecordText.of(this); }
}
