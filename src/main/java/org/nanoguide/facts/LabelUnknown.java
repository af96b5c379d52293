package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/**
 * A product's label depends on a case field the case leaves out: whether it applies is unknown
 * ({@code field} is the dotted case path, {@code text} the label's condition).
 */
public record LabelUnknown(Product product, String field, String text) {
    @Override
    public String toString() { return RecordText.of(this); }
}
