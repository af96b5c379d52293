package org.nanoguide.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Texts that recur from result to result, escaped and encoded once per thread. The rules' texts
 * (ids, names, sections, literal texts) and most fact texts (the engine hands out one string per
 * distinct fact value, see {@code engine.FactTexts}) are the same string objects in result after
 * result, so each thread keeps their encoded form by identity in a bounded cache (emptied when
 * full, so texts made for one case do not crowd it for long).
 */
final class EncodedTexts {
    /** Several times the rule strings of a knowledge base. */
    private static final int LIMIT = 8_192;
    private static final ThreadLocal<Map<String, SerializedString>> CACHE = ThreadLocal.withInitial(IdentityHashMap::new);

    private final Map<String, SerializedString> cache = CACHE.get();

    /** Writes {@code s} (or null) as a JSON string, from its encoded form when this thread has it. */
    void write(JsonGenerator g, String s) throws IOException {
        if (s == null) {
            g.writeNull();
            return;
        }
        SerializedString cached = cache.get(s);
        if (cached == null) {
            if (hasSurrogates(s)) {
                g.writeString(s);
                return;
            }
            cached = new SerializedString(s);
            if (cache.size() >= LIMIT) cache.clear();
            cache.put(s, cached);
        }
        g.writeString(cached);
    }

    /**
     * The generator writes a character outside the Basic Multilingual Plane as two escaped
     * surrogates, a pre-encoded string as four UTF-8 bytes: such strings go to the generator.
     */
    private static boolean hasSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) return true;
        }
        return false;
    }
}
