package org.nanoguide.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.nanoguide.explain.Result;

/**
 * The contract's JSON (result-format.md). Field order is fixed by the result types, so the same
 * result always gives the same bytes.
 */
public final class JsonRenderer {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private static final byte[] NO_SUFFIX = new byte[0];

    private JsonRenderer() { }

    public static ObjectMapper mapper() { return MAPPER; }

    /** One line, for NDJSON and HTTP: a result through {@link ResultJson} (the same bytes, faster). */
    public static String compact(Object value) {
        if (value instanceof Result r) return new String(ResultJson.bytes(r, NO_SUFFIX), java.nio.charset.StandardCharsets.UTF_8);
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Indented, for people reading JSON. */
    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static Result parse(String json) {
        try {
            return MAPPER.readValue(json, Result.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a result: " + e.getOriginalMessage(), e);
        }
    }

}
