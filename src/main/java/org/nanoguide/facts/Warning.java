package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/** Something about the whole case the care team should know. */
public record Warning(WarningCode code, String text) {
    @Override
    public String toString() { return RecordText.of(this); }
}
