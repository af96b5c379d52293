package org.nanoguide.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nanoguide.Nanoguide;
import org.nanoguide.facts.Threshold;

/**
 * The values a case may take, field by field, read from the case schema (enums, booleans, arrays
 * of enums) and, for numbers, from the thresholds the rules declare: a number is tried just
 * below, at and just above each threshold of its unit (a field {@code depthCm} takes the
 * thresholds in {@code cm}, {@code priorAnthracyclineMgPerM2} those in {@code mg/m2}), because
 * the rules compare with both {@code <=} and {@code >=}. A number no threshold speaks of, and a
 * free-text field, is not tried: any point would be arbitrary.
 */
public final class CaseSpace {
    /** Fields that name or describe the case rather than state something about the patient. */
    private static final Set<String> NOT_INPUTS = Set.of("schemaVersion", "id", "description", "expected", "tumor.type");

    /** One field of the format and the values tried for it, in the schema's order. */
    public record Field(String path, List<JsonNode> values, boolean array) {
        public Field {
            values = List.copyOf(values);
        }

        /** Whether the case leaves this field unknown: left out, {@code UNKNOWN}, or an empty list. */
        boolean unknownIn(JsonNode tree) {
            JsonNode v = CaseTree.at(tree, path);
            return v.isMissingNode() || v.isNull() || (v.isTextual() && "UNKNOWN".equals(v.asText())) || (array && v.isEmpty());
        }
    }

    private final JsonNode schema;
    private final List<Field> fields;
    private final List<Threshold> thresholds;

    private CaseSpace(JsonNode schema, List<Threshold> thresholds) {
        this.schema = schema;
        this.thresholds = List.copyOf(thresholds);
        List<Field> out = new ArrayList<>();
        collect(schema, "", out);
        this.fields = List.copyOf(out);
    }

    /** The space of the bundled case schema, with the thresholds a knowledge base declares. */
    public static CaseSpace of(List<Threshold> thresholds) {
        try {
            return new CaseSpace(Nanoguide.reader().mapper().readTree(Nanoguide.reader().schemaText()), thresholds);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled case schema cannot be read", e);
        }
    }

    public List<Field> fields() { return fields; }

    public List<Threshold> thresholds() { return thresholds; }

    private void collect(JsonNode node, String prefix, List<Field> out) {
        node = resolve(node);
        Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (NOT_INPUTS.contains(path)) continue;
            JsonNode def = resolve(e.getValue());
            if (def.has("properties")) {
                collect(def, path, out);
                continue;
            }
            List<JsonNode> values = new ArrayList<>();
            boolean array = false;
            if (def.has("enum")) {
                for (JsonNode v : def.get("enum")) if (!"UNKNOWN".equals(v.asText())) values.add(v);
            } else if ("boolean".equals(def.path("type").asText())) {
                values.add(BooleanNode.TRUE);
                values.add(BooleanNode.FALSE);
            } else if ("number".equals(def.path("type").asText())) {
                values.addAll(atThresholds(e.getKey(), def));
            } else if ("array".equals(def.path("type").asText()) && resolve(def.path("items")).has("enum")) {
                array = true;
                for (JsonNode v : resolve(def.path("items")).get("enum")) {
                    ArrayNode one = JsonNodeFactory.instance.arrayNode();
                    one.add(v);
                    values.add(one);
                }
            }
            if (!values.isEmpty()) out.add(new Field(path, values, array));
        }
    }

    /** Just below, at and just above each threshold whose unit the field's name ends with, within the field's range. */
    private List<JsonNode> atThresholds(String name, JsonNode def) {
        String field = name.toLowerCase(Locale.ROOT).replace("per", "");
        double min = def.has("minimum") ? def.get("minimum").asDouble() : def.path("exclusiveMinimum").asDouble(Double.NEGATIVE_INFINITY);
        double max = def.has("maximum") ? def.get("maximum").asDouble() : Double.POSITIVE_INFINITY;
        Set<Double> values = new LinkedHashSet<>();
        for (Threshold t : thresholds) {
            String unit = t.unit() == null ? "" : t.unit().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (unit.isEmpty() || !field.endsWith(unit)) continue;
            double step = Math.max(0.01, Math.abs(t.value()) / 100);
            for (double v : new double[] {t.value() - step, t.value(), t.value() + step}) {
                double r = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
                if (r >= min && r <= max && (def.has("minimum") || r > min)) values.add(r);
            }
        }
        return values.stream().sorted().map(v -> (JsonNode) DoubleNode.valueOf(v)).toList();
    }

    /** Keeps of a written-out case only what the schema defines, without nulls. */
    void project(ObjectNode tree) {
        project(tree, schema);
    }

    private void project(ObjectNode node, JsonNode def) {
        def = resolve(def);
        JsonNode props = def.path("properties");
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull() || !props.has(e.getKey())) {
                it.remove();
            } else if (e.getValue() instanceof ObjectNode o && resolve(props.get(e.getKey())).has("properties")) {
                project(o, props.get(e.getKey()));
            }
        }
    }

    /** Follows a local {@code $ref}. */
    private JsonNode resolve(JsonNode node) {
        for (int hops = 0; node != null && node.has("$ref") && hops < 8; hops++) {
            JsonNode target = schema.at(node.get("$ref").asText().substring(1));
            if (target.isMissingNode()) return node;
            node = target;
        }
        return node == null ? JsonNodeFactory.instance.objectNode() : node;
    }

    static TextNode text(String s) { return TextNode.valueOf(s); }
}
