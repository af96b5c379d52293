package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.render.JsonRenderer;

/**
 * The service's real answers against its OpenAPI description: every status an endpoint answers
 * is declared for it, and every field of a JSON answer, at any depth, is a property of the schema
 * declared for that status. A field the service adds without describing it (or that a serialiser
 * invents) fails here, so a client generated from the document sees every field.
 */
class OpenApiAnswersTest extends ServiceOnTestRules {
    private static JsonNode api;

    private static JsonNode api() throws Exception {
        if (api == null) {
            try (InputStream in = OpenApiAnswersTest.class.getResourceAsStream(InfoEndpoints.OPENAPI_RESOURCE)) {
                api = JsonRenderer.mapper().readTree(in);
            }
        }
        return api;
    }

    @Test
    void everyFieldOfTheEvaluationAnswersIsDescribed() throws Exception {
        String unknowns = Files.readString(TestKb.CASES.resolve("breast-unknown-her2-unknown-drug.json"));
        Http.Reply whatIf = http.post("/v1/evaluate?whatIf=true&trace=true", unknowns);
        assertTrue(whatIf.json().has("decisiveUnknowns") && whatIf.json().has("nearMisses") && whatIf.json().has("trace"), whatIf.body());
        described("POST", "/v1/evaluate", whatIf);
        described("POST", "/v1/evaluate", http.post("/v1/evaluate",
                "[{\"tumor\": {\"type\": \"LEUKEMIA\"}, \"patient\": {\"pregnant\": true}}, {\"tumor\": {\"type\": \"SKIN\", \"depthCm\": 0.3}}]"));
        described("POST", "/v1/evaluate", http.post("/v1/evaluate", "[{\"tumor\": {\"type\": \"LUNG\"}},\n {\"tumor\": {}},\n 7]"));
        described("POST", "/v1/evaluate", http.post("/v1/evaluate", "text/plain", "x"));
    }

    @Test
    void everyFieldOfTheOtherAnswersIsDescribed() throws Exception {
        for (String path : List.of("/v1/health", "/v1/health/live", "/v1/health/ready", "/v1/rules", "/cds-services")) {
            described("GET", path, http.get(path));
        }
        described("GET", "/assets/{file}", http.get("/assets/nothing.js"));
    }

    /** The answer's status is declared for the operation, and its JSON fields in that status's schema. */
    private static void described(String method, String path, Http.Reply reply) throws Exception {
        JsonNode responses = api().path("paths").path(path).path(method.toLowerCase()).path("responses");
        assertFalse(responses.isMissingNode(), method + " " + path + " is not in openapi.json");
        JsonNode response = responses.path(Integer.toString(reply.status()));
        assertFalse(response.isMissingNode(), method + " " + path + " answered " + reply.status()
                + ", a status openapi.json does not declare for it: " + reply.body());
        JsonNode schema = response.path("content").path("application/json").path("schema");
        assertFalse(schema.isMissingNode(), method + " " + path + " " + reply.status() + " has no JSON schema in openapi.json");
        TreeSet<String> undeclared = new TreeSet<>(undeclared(reply.json(), schema, "$"));
        assertEquals(List.of(), new ArrayList<>(undeclared), method + " " + path + " " + reply.status()
                + ": fields of the answer that openapi.json does not describe");
    }

    /** The paths of the fields of {@code value} that {@code schema} does not name; a schema without properties takes any. */
    private static List<String> undeclared(JsonNode value, JsonNode schema, String at) throws Exception {
        schema = resolve(schema);
        for (String alternatives : List.of("oneOf", "anyOf")) {
            if (schema.has(alternatives)) {
                List<String> fewest = null;
                for (JsonNode alt : schema.get(alternatives)) {
                    if (!typeFits(value, resolve(alt))) continue;
                    List<String> out = undeclared(value, alt, at);
                    if (fewest == null || out.size() < fewest.size()) fewest = out;
                }
                assertTrue(fewest != null, at + ": no alternative of the schema has the answer's type: " + value);
                return fewest;
            }
        }
        List<String> out = new ArrayList<>();
        if (value.isObject() && schema.has("properties")) {
            JsonNode properties = schema.get("properties");
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!properties.has(f.getKey())) out.add(at + "." + f.getKey());
                else out.addAll(undeclared(f.getValue(), properties.get(f.getKey()), at + "." + f.getKey()));
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) out.addAll(undeclared(value.get(i), schema.get("items"), at + "[]"));
        } else if ((value.isObject() || value.isArray()) && !schema.has("type") && !schema.has("additionalProperties")
                && !schema.has("description")) {
            out.add(at + " (the schema says nothing of it)");
        }
        return out;
    }

    /** Whether a schema's {@code type}, when it has one, admits the value's kind (object, array, or other). */
    private static boolean typeFits(JsonNode value, JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isMissingNode()) return true;
        String kind = value.isObject() ? "object" : value.isArray() ? "array" : null;
        if (type.isArray()) {
            for (JsonNode t : type) if (kind == null ? !t.asText().equals("object") && !t.asText().equals("array") : t.asText().equals(kind)) return true;
            return false;
        }
        return kind == null ? !type.asText().equals("object") && !type.asText().equals("array") : type.asText().equals(kind);
    }

    private static JsonNode resolve(JsonNode schema) throws Exception {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            assertTrue(ref.startsWith("#/"), ref);
            schema = api().at(ref.substring(1));
            assertFalse(schema.isMissingNode(), "openapi.json has no " + ref);
        }
        return schema;
    }
}
