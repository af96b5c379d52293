package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/** One planned drug, by its upper-case name; {@code known} is false for a name the case format does not list. */
public record PlannedDrug(String name, boolean known) {
    @Override
    public String toString() { return RecordText.of(this); }
}
