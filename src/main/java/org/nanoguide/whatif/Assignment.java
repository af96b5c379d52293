package org.nanoguide.whatif;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/** One field of a case given one value: {@code resources.nirLaser = true}. */
@JsonPropertyOrder({"field", "value"})
public record Assignment(String field, JsonNode value) {
    @Override
    public String toString() { return field + " = " + (value.isTextual() ? value.asText() : value.toString()); }
}
