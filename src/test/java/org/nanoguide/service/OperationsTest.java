package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.render.JsonRenderer;

/** The request log and the Prometheus metrics of a real service, after real requests. */
class OperationsTest extends ServiceOnTestRules {
    @Test
    void metricsCountRequestsByRouteAndStatusAndTheCasesEvaluated() {
        assertEquals(200, http.post("/v1/evaluate", "[{\"tumor\":{\"type\":\"LUNG\"}},{\"tumor\":{\"type\":\"SKIN\"}}]").status());
        assertEquals(400, http.post("/v1/evaluate", "{\"tumor\":{}}").status());
        assertEquals(404, http.get("/wp-admin/" + System.nanoTime()).status());
        Http.Reply m = http.get("/metrics");
        assertEquals(200, m.status());
        assertTrue(m.contentType().startsWith("text/plain"), m.contentType());
        String text = m.body();
        assertTrue(text.contains("nanoguide_http_requests_seconds_count{method=\"POST\",route=\"/v1/evaluate\",status=\"200\"}"), text);
        assertTrue(text.contains("nanoguide_http_requests_seconds_count{method=\"POST\",route=\"/v1/evaluate\",status=\"400\"}"), text);
        assertTrue(text.contains("route=\"other\",status=\"404\""), "unknown paths are one series: " + text);
        assertFalse(text.contains("wp-admin"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("nanoguide_evaluations_total ") && Double.parseDouble(l.split(" ")[1]) >= 2), text);
        assertTrue(text.contains("nanoguide_rules_loaded_timestamp_seconds"), text);
        assertTrue(text.contains("nanoguide_rules_reload_last_failed"), text);
    }

    @Test
    void everyRequestIsOneJsonLineWithoutPatientData() throws Exception {
        String instance = "ops-" + System.nanoTime();
        assertEquals(200, http.post(CdsHooksTest.SERVICE, CdsHooksTest.breastCall(instance)).status());
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
        JsonNode line = null;
        for (int i = 0; i < 50 && line == null; i++) {
            for (String l : Files.readAllLines(log)) {
                if (l.contains("nanoguide.requests") && l.contains(instance)) {
                    String json = l.substring(l.indexOf('{'));
                    assertFalse(json.contains("C50") || json.contains("pat-1") || json.contains("doxorubicin"), "patient data in the log: " + json);
                    line = JsonRenderer.mapper().readTree(json);
                }
            }
            if (line == null) Thread.sleep(20);
        }
        assertTrue(line != null, "no request log line for " + instance);
        for (String field : List.of("time", "method", "route", "status", "latencyMs", "kbFingerprint", "hookInstance")) {
            assertTrue(line.has(field), field + " in " + line);
        }
        assertEquals(CdsHooksTest.SERVICE, line.get("route").asText());
        assertEquals(200, line.get("status").asInt());
        assertEquals(TestKb.guide().fingerprint(), line.get("kbFingerprint").asText());
    }
}
