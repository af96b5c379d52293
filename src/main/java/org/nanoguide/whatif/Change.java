package org.nanoguide.whatif;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One difference between two results of the same case, in words. {@code kind} says what sort
 * of difference it is; its weight orders differences by how much they change the advice.
 */
@JsonPropertyOrder({"kind", "text"})
public record Change(Kind kind, String text) {
    public enum Kind {
        FIRST_OPTION(8), OPTION_ADDED(4), OPTION_REMOVED(4), EXCLUSION_ADDED(3), EXCLUSION_REMOVED(3),
        EVIDENCE(2), WARNING_ADDED(1), WARNING_REMOVED(1), CERTAINTY(1);

        private final int weight;

        Kind(int weight) { this.weight = weight; }

        public int weight() { return weight; }
    }
}
