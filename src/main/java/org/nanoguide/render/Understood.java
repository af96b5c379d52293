package org.nanoguide.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nanoguide.Nanoguide;
import org.nanoguide.model.NanoCase;

/**
 * What nanoguide understood of a case: every input field of the case format, with the value the
 * rules saw, "unknown" where the case leaves it out, and "default" where the model filled in a
 * value the case did not state. Read from the case as parsed, never from its free-text
 * description, so the report cannot show facts the data do not hold.
 */
public final class Understood {
    /** Fields that name or describe the case rather than state something the rules use. */
    private static final Set<String> NOT_INPUTS = Set.of("schemaVersion", "id", "description", "expected");
    private static final List<String> FIELDS = fields();

    /** One input: its dotted path in the case format, the value shown, and whether it was given, unknown or a default. */
    public record Input(String path, String value, String state) {
        public boolean given() { return "given".equals(state); }

        public boolean unknown() { return "unknown".equals(state); }

        public boolean byDefault() { return "default".equals(state); }
    }

    private Understood() { }

    /** Every input field of the format, in the schema's order. */
    public static List<Input> of(NanoCase c) {
        JsonNode tree = Nanoguide.reader().mapper().valueToTree(c);
        List<Input> out = new ArrayList<>(FIELDS.size());
        for (String path : FIELDS) {
            JsonNode v = at(tree, path);
            if ("constraints.evidence".equals(path) && !c.constraints().evidenceStated()) {
                out.add(new Input(path, v.asText(), "default"));
            } else if (v.isMissingNode() || v.isNull() || "UNKNOWN".equals(v.asText()) || (v.isArray() && v.isEmpty())) {
                out.add(new Input(path, "unknown", "unknown"));
            } else {
                out.add(new Input(path, text(v), "given"));
            }
        }
        return out;
    }

    private static String text(JsonNode v) {
        if (!v.isArray()) return v.asText();
        List<String> items = new ArrayList<>();
        v.forEach(i -> items.add(i.asText()));
        return String.join(", ", items);
    }

    private static JsonNode at(JsonNode tree, String path) {
        JsonNode n = tree;
        for (String step : path.split("\\.")) n = n.path(step);
        return n;
    }

    private static List<String> fields() {
        try {
            List<String> out = new ArrayList<>();
            collect(Nanoguide.reader().mapper().readTree(Nanoguide.reader().schemaText()), "", out);
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled case schema cannot be read", e);
        }
    }

    private static void collect(JsonNode node, String prefix, List<String> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (NOT_INPUTS.contains(path)) continue;
            if (e.getValue().has("properties")) collect(e.getValue(), path, out);
            else out.add(path);
        }
    }
}
