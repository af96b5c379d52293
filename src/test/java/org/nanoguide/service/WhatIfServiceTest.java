package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;

/** {@code POST /v1/evaluate?whatIf=true} on a real service on a loopback port. */
class WhatIfServiceTest extends ServiceOnTestRules {
    @Test
    void whatIfAddsDecisiveUnknownsAndNearMissesAsTheCliDoes() throws Exception {
        String path = TestKb.CASES.resolve("breast-unknown-her2-unknown-drug.json").toString();
        Http.Reply r = http.post("/v1/evaluate?whatIf=true", Files.readString(TestKb.CASES.resolve("breast-unknown-her2-unknown-drug.json")));
        assertEquals(200, r.status(), r.body());
        JsonNode json = r.json();
        assertTrue(json.get("decisiveUnknowns").isArray() && !json.get("decisiveUnknowns").isEmpty(), r.body());
        assertTrue(json.get("nearMisses").isArray(), r.body());
        Cli.Run cli = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), "--format", "ndjson", "--what-if", path);
        assertEquals(cli.out().strip(), r.body(), "the service answers byte for byte what the CLI prints");

        Http.Reply plain = http.post("/v1/evaluate", Files.readString(TestKb.CASES.resolve("breast-unknown-her2-unknown-drug.json")));
        assertFalse(plain.body().contains("decisiveUnknowns"));
        Http.Reply off = http.post("/v1/evaluate?whatIf=false", Files.readString(TestKb.CASES.resolve("breast-unknown-her2-unknown-drug.json")));
        assertEquals(plain.body(), off.body());
    }

    @Test
    void anArrayGetsOneWhatIfPerCase() throws Exception {
        Http.Reply r = http.post("/v1/evaluate?whatIf=true", "[{\"tumor\": {\"type\": \"SKIN\", \"depthCm\": 0.2}, \"resources\": {\"nirLaser\": false}},"
                + " {\"tumor\": {\"type\": \"BREAST\"}}]");
        assertEquals(200, r.status(), r.body());
        assertEquals(2, r.json().size());
        for (JsonNode one : r.json()) assertTrue(one.has("decisiveUnknowns") && one.has("nearMisses"), one.toString());
    }

    @Test
    void aWhatIfThatIsNotABooleanIsA400() {
        Http.Reply r = http.post("/v1/evaluate?whatIf=yes", "{\"tumor\": {\"type\": \"SKIN\"}}");
        assertEquals(400, r.status(), r.body());
        assertTrue(r.json().get("error").asText().contains("whatIf=yes: expected true or false"), r.body());
    }
}
