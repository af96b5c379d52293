package org.nanoguide.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * What the case format models at each place, read from the case schema itself, so that a
 * message about an unknown field or value can name what is allowed there and never goes stale
 * when the schema gains a field.
 */
final class SchemaFields {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private final JsonNode root;

    SchemaFields(JsonNode schema) {
        this.root = schema;
    }

    /**
     * The field names the schema defines for the object at {@code path} (property names and
     * array indexes from the case's root), in the schema's order; empty when the place is not
     * an object of the format.
     */
    List<String> fieldsAt(List<Object> path) {
        JsonNode node = nodeAt(path);
        List<String> out = new ArrayList<>();
        if (node != null) node.path("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The schema of the value at {@code path} (property names and array indexes), or null when the format has no such place. */
    JsonNode nodeAt(List<?> path) {
        JsonNode node = resolve(root);
        for (Object step : path) {
            if (node == null) return null;
            node = resolve(step instanceof Integer ? node.get("items") : node.path("properties").get((String) step));
        }
        return node;
    }

    /**
     * What to say about a field the schema does not define at {@code parent}: the closest known
     * name when the field looks like a slip of the keyboard, else that the format does not model
     * it here and what it does model.
     */
    String unknownField(String name, List<Object> parent, String parentPath) {
        List<String> known = fieldsAt(parent);
        Optional<String> close = closest(name, known);
        if (close.isPresent()) {
            return "unknown field \"" + name + "\": did you mean \"" + close.get() + "\"?";
        }
        String where = parentPath.equals("$") ? "at the top level" : "under " + parentPath;
        return "the case format does not model \"" + name + "\" " + where
                + (known.isEmpty() ? "" : "; there it models " + String.join(", ", known))
                + " (docs/case-format.md)";
    }

    /**
     * The allowed value nearest to {@code given}: the same word in another case or spelling
     * ({@code cardiac_risk}, {@code cardiacrisk} for {@code cardiacRisk}), a name it starts
     * ({@code depth} for {@code depthCm}), or one a small edit away. Short names need a closer
     * match, so that {@code ER} is not taken for a slip of {@code HER2}.
     */
    static Optional<String> closest(String given, List<String> allowed) {
        String g = fold(given);
        if (g.isEmpty()) return Optional.empty();
        for (String a : allowed) {
            if (fold(a).equals(g)) return Optional.of(a);
        }
        if (g.length() >= 3) {
            List<String> starts = allowed.stream().filter(a -> fold(a).startsWith(g)).toList();
            if (starts.size() == 1) return Optional.of(starts.get(0));
        }
        int limit = g.length() <= 4 ? 1 : g.length() / 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = DISTANCE.apply(g, fold(a));
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Lower case without the separators people add or drop: {@code cardiac_risk} and {@code cardiacRisk} fold alike. */
    private static String fold(String s) {
        return s.replaceAll("[\\s_\\-.]", "").toLowerCase(Locale.ROOT);
    }

    /** Follows a local {@code $ref} ({@code #/$defs/...}), the only kind the case schema may use. */
    private JsonNode resolve(JsonNode node) {
        for (int hops = 0; node != null && node.has("$ref") && hops < 8; hops++) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#")) return node;
            JsonNode target = root.at(ref.substring(1));
            node = target.isMissingNode() ? null : target;
        }
        return node;
    }
}
