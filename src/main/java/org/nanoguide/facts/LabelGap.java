package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/** The case is known to fall outside a product's label: {@code text} says how. */
public record LabelGap(Product product, String text) {
    @Override
    public String toString() { return RecordText.of(this); }
}
