package org.nanoguide.cds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.CaseReader;

/**
 * The centre's equipment and policy ({@code serve --site FILE}): the case format's
 * {@code resources} and {@code constraints}, given once for every CDS call instead of in each.
 * An EHR knows the patient, not which lasers the centre owns or which evidence it accepts.
 */
public record SiteConfig(ObjectNode resources, ObjectNode constraints) {
    public static final SiteConfig NONE = new SiteConfig(JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode());

    /**
     * Reads and checks a site file: an object with {@code resources} and/or {@code constraints},
     * checked against the case schema as a case's would be.
     *
     * @throws IllegalArgumentException naming the file, JSON path and line of every problem
     */
    public static SiteConfig read(Path file, CaseReader reader) throws IOException {
        String name = file.toString();
        JsonNode root;
        try {
            root = reader.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(name + ": not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException(name + ": expected an object with resources and constraints");
        List<String> problems = new ArrayList<>();
        root.fieldNames().forEachRemaining(f -> {
            if (!f.equals("resources") && !f.equals("constraints")) problems.add(name + ": $." + f + ": unknown field (a site file has resources and constraints)");
        });
        // checked as part of a minimal case, so the case schema's words and limits apply unchanged
        ObjectNode probe = ((ObjectNode) root.deepCopy());
        probe.putObject("tumor").put("type", "OTHER_SOLID");
        CaseInput in = reader.readDocument(name, "site", reader.mapper().writeValueAsBytes(probe), 0).cases().get(0);
        if (in instanceof CaseInput.Rejected r) {
            if (r.problems().isEmpty()) problems.add(r.message());
            else r.problems().forEach(p -> problems.add(p.toString()));
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("\n", problems));
        return new SiteConfig(object(root, "resources"), object(root, "constraints"));
    }

    private static ObjectNode object(JsonNode root, String name) {
        JsonNode n = root.get(name);
        return n instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
    }

    /** The case with the site's fields set (the case from FHIR has none of its own). */
    public ObjectNode applyTo(ObjectNode caseJson) {
        ObjectNode c = caseJson.deepCopy();
        if (!resources.isEmpty()) c.set("resources", resources.deepCopy());
        if (!constraints.isEmpty()) c.set("constraints", constraints.deepCopy());
        return c;
    }
}
