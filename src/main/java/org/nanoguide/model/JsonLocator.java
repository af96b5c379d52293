package org.nanoguide.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Finds the line and column of a JSON path in a document, so that a schema error can point at
 * the line a person has to fix. Streams the tokens once; no tree is kept.
 */
final class JsonLocator {
    private JsonLocator() { }

    /** Path elements are property names (String) and array indexes (Integer). */
    static Optional<JsonLocation> locate(JsonFactory factory, byte[] doc, List<Object> path) {
        try (JsonParser p = factory.createParser(doc)) {
            if (p.nextToken() == null) return Optional.empty();
            for (Object step : path) {
                if (!descend(p, step)) return Optional.empty();
            }
            return Optional.of(p.currentTokenLocation());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** With the parser on a container's start token, moves it onto the value at {@code step}. */
    private static boolean descend(JsonParser p, Object step) throws IOException {
        if (step instanceof Integer index && p.currentToken() == JsonToken.START_ARRAY) {
            for (int i = 0; ; i++) {
                JsonToken t = p.nextToken();
                if (t == null || t == JsonToken.END_ARRAY) return false;
                if (i == index) return true;
                p.skipChildren();
            }
        }
        if (step instanceof String name && p.currentToken() == JsonToken.START_OBJECT) {
            while (true) {
                JsonToken t = p.nextToken();
                if (t == null || t == JsonToken.END_OBJECT) return false;
                String field = p.currentName();
                p.nextToken();
                if (name.equals(field)) return true;
                p.skipChildren();
            }
        }
        return false;
    }
}
