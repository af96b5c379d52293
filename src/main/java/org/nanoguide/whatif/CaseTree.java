package org.nanoguide.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.nanoguide.Nanoguide;
import org.nanoguide.model.NanoCase;

/**
 * A case as the case format writes it (a JSON tree), so that variants are made by setting a
 * dotted path, exactly as a person would edit the file. Working on the format rather than on the
 * model records keeps this package independent of how the model represents a case.
 */
final class CaseTree {
    private CaseTree() { }

    /**
     * The case in the format: the model written out, kept to what the schema defines (the model
     * also exposes derived values), without nulls, and without defaults the case did not state.
     */
    static ObjectNode of(NanoCase c, CaseSpace schema) {
        NanoCase plain = c.expected() == null ? c
                : new NanoCase(c.schemaVersion(), c.id(), c.description(), c.patient(), c.tumor(), c.therapy(), c.goals(),
                c.resources(), c.constraints(), null);
        ObjectNode tree = Nanoguide.reader().mapper().valueToTree(plain);
        schema.project(tree);
        // the model fills in the accepted evidence when the case leaves it out; the case did not say it
        if (!c.constraints().evidenceStated() && tree.get("constraints") instanceof ObjectNode k) k.remove("evidence");
        return tree;
    }

    /** The value at a dotted path, or a missing node. */
    static JsonNode at(JsonNode tree, String path) {
        JsonNode n = tree;
        for (String step : path.split("\\.", -1)) {
            n = n.path(step);
        }
        return n;
    }

    /** A copy of {@code tree} with the dotted path set to {@code value}, creating the objects on the way. */
    static ObjectNode with(ObjectNode tree, List<Assignment> changes) {
        ObjectNode copy = tree.deepCopy();
        for (Assignment a : changes) set(copy, a.field(), a.value());
        return copy;
    }

    /**
     * Sets a dotted path in place.
     *
     * @throws IllegalArgumentException when a step on the way holds a value that is not an object
     */
    static void set(ObjectNode tree, String path, JsonNode value) {
        String[] steps = path.split("\\.", -1);
        ObjectNode at = tree;
        for (int i = 0; i < steps.length - 1; i++) {
            JsonNode next = at.get(steps[i]);
            if (next == null || next.isNull()) {
                next = JsonNodeFactory.instance.objectNode();
                at.set(steps[i], next);
            }
            if (!(next instanceof ObjectNode o)) {
                throw new IllegalArgumentException(String.join(".", List.of(steps).subList(0, i + 1))
                        + " holds a " + next.getNodeType().name().toLowerCase() + ", not an object: cannot set " + path);
            }
            at = o;
        }
        at.set(steps[steps.length - 1], value);
    }

    /** The model of a tree made from a valid case by setting values the schema allows: no second validation. */
    static NanoCase toCase(ObjectNode tree) {
        try {
            return Nanoguide.reader().mapper().treeToValue(tree, NanoCase.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("variant is not a case: " + e.getMessage(), e);
        }
    }

    static void removeNulls(ObjectNode node) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            JsonNode v = it.next().getValue();
            if (v.isNull()) it.remove();
            else if (v instanceof ObjectNode o) removeNulls(o);
        }
    }
}
