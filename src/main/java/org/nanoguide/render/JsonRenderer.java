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

    private JsonRenderer() { }

    public static ObjectMapper mapper() { return MAPPER; }

    /**
     * One line, for NDJSON and HTTP, decoded from {@link #compactBytes}: Jackson's byte and
     * character writers differ on characters outside the Basic Multilingual Plane (escaped
     * surrogates or raw), and every form of a result must be the same bytes.
     */
    public static String compact(Object value) {
        return new String(compactBytes(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One line as UTF-8 bytes. */
    public static byte[] compactBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
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
