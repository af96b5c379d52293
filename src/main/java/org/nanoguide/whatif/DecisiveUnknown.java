package org.nanoguide.whatif;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An input the case leaves unknown for which some allowed value changes the advice: its dotted
 * case path, and each value tried that changes something, with the effect in words.
 */
@JsonPropertyOrder({"field", "values"})
public record DecisiveUnknown(String field, List<Tried> values) {
    public DecisiveUnknown {
        values = List.copyOf(values);
    }

    @JsonPropertyOrder({"value", "effect"})
    public record Tried(JsonNode value, String effect) { }
}
