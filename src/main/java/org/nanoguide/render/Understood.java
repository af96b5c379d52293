package org.nanoguide.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
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
        List<Input> out = new ArrayList<>(FIELDS.size());
        for (String path : FIELDS) {
            Object v = at(c, path);
            if ("constraints.evidence".equals(path) && !c.constraints().evidenceStated()) {
                out.add(new Input(path, text(v), "default"));
            } else if (v == null || "UNKNOWN".equals(text(v)) || (v instanceof Collection<?> l && l.isEmpty())) {
                out.add(new Input(path, "unknown", "unknown"));
            } else {
                out.add(new Input(path, text(v), "given"));
            }
        }
        return out;
    }

    /** A value as the case format writes it: an enum by its name, a number as written (400, not 4E+2 or 400.0), a list joined. */
    private static String text(Object v) {
        if (v instanceof Enum<?> e) return e.name();
        if (v instanceof Double d && Double.isFinite(d)) return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        if (!(v instanceof Collection<?> items)) return String.valueOf(v);
        List<String> texts = new ArrayList<>(items.size());
        for (Object i : items) texts.add(text(i));
        return String.join(", ", texts);
    }

    /**
     * The value at a dotted path of the case format, read from the parsed case's records by
     * their component names, which are the format's field names; null where the case has none.
     * Read directly rather than through a JSON tree of the case: building Jackson's serializers
     * for the case was most of what rendering a report costs in a one-case run.
     */
    private static Object at(Object root, String path) {
        Object v = root;
        for (String step : path.split("\\.")) {
            if (v == null) return null;
            v = step(v, step);
        }
        return v;
    }

    private static Object step(Object v, String name) {
        if (v instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (text(e.getKey()).equals(name)) return e.getValue();
            }
            return null;
        }
        if (!v.getClass().isRecord()) return null;
        for (RecordComponent rc : v.getClass().getRecordComponents()) {
            if (!rc.getName().equals(name)) continue;
            try {
                return rc.getAccessor().invoke(v);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the case's field " + name + " cannot be read", e);
            }
        }
        return null;
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
