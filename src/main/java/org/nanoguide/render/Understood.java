package org.nanoguide.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
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
    private static final List<Field> FIELDS = fields();

    /** An input field: its dotted path, and how its value is read from a case, one step a part of the path. */
    private record Field(String path, List<Step> steps) { }

    /** One part of a path: a record's component, or an entry of a map by its key's name. */
    private sealed interface Step {
        Object from(Object value);
    }

    private record Component(java.lang.reflect.Method accessor) implements Step {
        public Object from(Object value) {
            try {
                return accessor.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the case's field " + accessor.getName() + " cannot be read", e);
            }
        }
    }

    private record Entry(String key) implements Step {
        public Object from(Object value) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (text(e.getKey()).equals(key)) return e.getValue();
            }
            return null;
        }
    }

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
        for (Field f : FIELDS) {
            Object v = at(c, f);
            String text = text(v);
            if ("constraints.evidence".equals(f.path()) && !c.constraints().evidenceStated()) {
                out.add(new Input(f.path(), text, "default"));
            } else if (v == null || "UNKNOWN".equals(text) || (v instanceof Collection<?> l && l.isEmpty())) {
                out.add(new Input(f.path(), "unknown", "unknown"));
            } else {
                out.add(new Input(f.path(), text, "given"));
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

    /** A field's value in a case; null where the case has none. */
    private static Object at(NanoCase c, Field f) {
        Object v = c;
        for (Step step : f.steps()) {
            if (v == null) return null;
            v = step.from(v);
        }
        return v;
    }

    /**
     * How a dotted path of the case format is read from the parsed case's records: by their
     * component names, which are the format's field names, and a map's entries by their keys.
     * Read directly rather than through a JSON tree of the case: building Jackson's serializers
     * for the case was most of what rendering a report costs in a one-case run.
     *
     * @throws IllegalStateException when the records hold no such field: the schema and the model disagree
     */
    private static List<Step> steps(String path) {
        List<Step> steps = new ArrayList<>();
        Class<?> type = NanoCase.class;
        for (String name : path.split("\\.")) {
            if (type != null && Map.class.isAssignableFrom(type)) {
                steps.add(new Entry(name));
                type = null;
                continue;
            }
            RecordComponent rc = type == null || !type.isRecord() ? null
                    : Arrays.stream(type.getRecordComponents()).filter(r -> r.getName().equals(name)).findFirst().orElse(null);
            if (rc == null) throw new IllegalStateException("the case schema's field " + path + " is not a field of the case model");
            steps.add(new Component(rc.getAccessor()));
            type = rc.getType();
        }
        return List.copyOf(steps);
    }

    private static List<Field> fields() {
        try {
            List<String> paths = new ArrayList<>();
            collect(Nanoguide.reader().mapper().readTree(Nanoguide.reader().schemaText()), "", paths);
            return paths.stream().map(p -> new Field(p, steps(p))).toList();
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
