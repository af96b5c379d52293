package org.nanoguide.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the line and column of JSON paths in a document, so that a schema error can point at
 * the line a person has to fix. Streams the tokens once, skipping what leads to no wanted path;
 * no tree is kept.
 */
public final class JsonLocator {
    private JsonLocator() { }

    /** Path elements are property names (String) and array indexes (Integer). */
    public static Optional<JsonLocation> locate(JsonFactory factory, byte[] doc, List<Object> path) {
        return Optional.ofNullable(locateAll(factory, doc, List.of(path)).get(path));
    }

    /**
     * Where each path's value starts; a path not in the document (or a document that cannot be
     * read) is simply missing from the answer.
     */
    static Map<List<Object>, JsonLocation> locateAll(JsonFactory factory, byte[] doc, Collection<List<Object>> paths) {
        Map<List<Object>, JsonLocation> found = new HashMap<>();
        Set<List<Object>> wanted = new HashSet<>(paths);
        Set<List<Object>> prefixes = new HashSet<>();
        for (List<Object> p : wanted) {
            for (int i = 0; i <= p.size(); i++) prefixes.add(List.copyOf(p.subList(0, i)));
        }
        try (JsonParser p = factory.createParser(doc)) {
            if (p.nextToken() != null) walk(p, new ArrayList<>(), wanted, prefixes, found);
        } catch (IOException | RuntimeException e) {
            // what was found before the document went wrong still helps
        }
        return found;
    }

    /** With the parser on a value's first token, records it if wanted and moves past the value. */
    private static void walk(JsonParser p, List<Object> at, Set<List<Object>> wanted, Set<List<Object>> prefixes,
                             Map<List<Object>, JsonLocation> found) throws IOException {
        if (wanted.contains(at)) found.put(List.copyOf(at), p.currentTokenLocation());
        JsonToken t = p.currentToken();
        if (!t.isStructStart()) return;
        if (!prefixes.contains(at)) {
            p.skipChildren();
            return;
        }
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                at.add(name);
                walk(p, at, wanted, prefixes, found);
                at.remove(at.size() - 1);
            }
        } else {
            int i = 0;
            for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                if (n == null) throw new IOException("the document ends inside an array");
                at.add(i++);
                walk(p, at, wanted, prefixes, found);
                at.remove(at.size() - 1);
            }
        }
    }
}
