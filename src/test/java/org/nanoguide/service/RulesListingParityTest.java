package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;
import org.nanoguide.render.JsonRenderer;

/**
 * {@code nanoguide rules --format json} and {@code GET /v1/rules} over the same rules folder give
 * the same object; the command line adds only each rule's {@code path}, which the service never shows.
 */
class RulesListingParityTest {
    @Test
    void theCliListingIsTheHttpListingPlusEachRulesPath() throws Exception {
        Cli.Run cli = Cli.run("rules", "--format", "json", "--rules", TestKb.RULES.toString());
        assertEquals(0, cli.status(), cli.err());
        JsonNode fromCli = JsonRenderer.mapper().readTree(cli.out());

        try (NanoguideService service = NanoguideService.start(LiveRules.fromFolder(TestKb.RULES, 10_000),
                ServiceOptions.defaults().withPort(0), false)) {
            Http.Reply reply = new Http(service).get("/v1/rules");
            assertEquals(200, reply.status(), reply.body());
            JsonNode fromHttp = reply.json();

            assertEquals(names(fromHttp), names(fromCli));
            for (String field : List.of("version", "fingerprint", "count")) {
                assertEquals(fromHttp.get(field), fromCli.get(field), field);
            }
            JsonNode httpRules = fromHttp.get("rules");
            JsonNode cliRules = fromCli.get("rules");
            assertEquals(httpRules.size(), cliRules.size());
            assertTrue(httpRules.size() > 0);
            String folder = TestKb.RULES.toAbsolutePath().normalize().toString();
            for (int i = 0; i < httpRules.size(); i++) {
                JsonNode http = httpRules.get(i);
                ObjectNode cliRule = ((ObjectNode) cliRules.get(i)).deepCopy();
                assertTrue(cliRule.get("path").asText().endsWith(http.get("file").asText()), cliRule.toString());
                cliRule.remove("path");
                assertEquals(names(http), names(cliRule), "the same fields in the same order, rule " + i);
                assertEquals(http, cliRule, "the same values, rule " + i);
                assertFalse(http.has("path"), "the service hides where its rules lie: " + http);
            }
            assertFalse(reply.body().contains(folder), "the service shows no server path");
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
