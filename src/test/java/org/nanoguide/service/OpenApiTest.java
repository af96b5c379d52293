package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.kb.RuleListing;
import org.nanoguide.model.CaseReader;
import org.nanoguide.render.JsonRenderer;

/**
 * The OpenAPI description types the case in full: its {@code Case} schema is the case format's
 * JSON Schema (OpenAPI 3.1 speaks JSON Schema 2020-12), without {@code $schema} and {@code $id}.
 * When the case format changes, copy the new schema into components.schemas.Case.
 */
class OpenApiTest {
    @Test
    void theCaseSchemaIsTheCaseFormatsJsonSchema() throws Exception {
        JsonNode api = read(InfoEndpoints.OPENAPI_RESOURCE);
        ObjectNode expected = (ObjectNode) read(CaseReader.SCHEMA_RESOURCE);
        expected.remove("$schema");
        expected.remove("$id");
        assertEquals(expected, api.path("components").path("schemas").path("Case"),
                "openapi.json components.schemas.Case differs from case.schema.json (without $schema and $id)");
    }

    @Test
    void everyOperationSaysHowItIsAuthenticated() throws Exception {
        JsonNode api = read(InfoEndpoints.OPENAPI_RESOURCE);
        api.path("paths").properties().forEach(p -> p.getValue().properties().forEach(op ->
                assertFalse(op.getValue().path("security").isMissingNode(), op.getKey() + " " + p.getKey() + " has no security")));
    }

    @Test
    void theRulesSchemaNamesEveryFieldOfTheRuleListing() throws Exception {
        JsonNode schemas = read(InfoEndpoints.OPENAPI_RESOURCE).path("components").path("schemas");
        JsonNode listing = JsonRenderer.mapper().readTree(JsonRenderer.compact(RuleListing.of(TestKb.kb())));
        assertEquals(names(listing), names(schemas.path("Rules").path("properties")), "components.schemas.Rules");
        assertEquals(names(listing.get("rules").get(0)), names(schemas.path("Rule").path("properties")), "components.schemas.Rule");
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = OpenApiTest.class.getResourceAsStream(resource)) {
            return JsonRenderer.mapper().readTree(in);
        }
    }
}
