package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;

/**
 * A request that needs more memory than the heap: a real service process with a small heap and
 * no answer limit, asked for a thousand large results. The JVM's own OutOfMemoryError must
 * become a JSON 503 for that request, and the service must go on answering.
 */
class OutOfMemoryTest {
    /** A legal case whose result is large (every section fires): the review's case for attack #20. */
    static final String HEAVY = """
        {"patient":{"cardiacRisk":false,"priorAnthracyclineMgPerM2":100,"heavyMetalConcern":false,"renalImpairment":true,\
        "hepaticImpairment":true},"tumor":{"type":"SARCOMA","depthCm":7.7,"sizeCm":9.5,"vascularLeakiness":"HIGH",\
        "interstitialPressure":"HIGH","receptors":{"HER2":"POSITIVE","FOLATE_RECEPTOR":"POSITIVE","TRANSFERRIN_RECEPTOR":"POSITIVE"},\
        "multidrugResistance":{"present":true,"mechanisms":["ALTERED_METABOLISM"]}},"therapy":{"plannedDrugs":["CYTARABINE"],\
        "geneSilencing":true,"drugPoorlySoluble":true,"drugEnzymeLabile":false},"goals":{"realTimeMonitoring":true,"theranostic":true},\
        "resources":{"mri":true,"fluorescenceImaging":true},"constraints":{"costSensitive":true,"evidence":"INVESTIGATIONAL"}}""";
    private static final int HEAP_MB = 96;
    private static final int CASES = 1000;

    @Test
    void aRequestThatOutgrowsTheHeapIsAJson503AndTheServiceGoesOn() throws Exception {
        int one = org.nanoguide.Nanoguide.toJson(TestKb.guide().evaluate(HEAVY)).getBytes(StandardCharsets.UTF_8).length;
        assertTrue((long) one * CASES > HEAP_MB * 1024L * 1024,
                "the answer (" + CASES + " results of " + one + " bytes) must not fit in a " + HEAP_MB + " MB heap");

        try (ServeProcess serve = ServeProcess.start(List.of("-Xmx" + HEAP_MB + "m"), "--rules", TestKb.RULES.toString(),
                "--port", "0", "--threads", "1", "--timeout-ms", "120000", "--max-answer", String.valueOf(Long.MAX_VALUE))) {
            Http http = new Http(serve.base());
            String many = "[" + String.join(",", Collections.nCopies(CASES, HEAVY)) + "]";
            Http.Reply tooBig = http.post("/v1/evaluate", many);
            assertEquals(503, tooBig.status(), tooBig.body());
            assertTrue(tooBig.contentType().startsWith("application/json"), tooBig.contentType());
            JsonNode error = tooBig.json();
            assertEquals(503, error.get("status").asInt());
            assertTrue(error.get("error").asText().contains("ran out of memory"), tooBig.body());

            assertEquals(200, http.get("/v1/health").status());
            Http.Reply single = http.post("/v1/evaluate", HEAVY);
            assertEquals(200, single.status(), single.body());
        }
    }
}
