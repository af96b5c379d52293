package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/**
 * An intermediate conclusion other rules build on, such as {@code DEEP_LESION}: a threshold
 * is applied once, in the rule that makes the finding, and cited there.
 */
public record Finding(String code, String text) {
    @Override
    public String toString() { return RecordText.of(this); }
}
