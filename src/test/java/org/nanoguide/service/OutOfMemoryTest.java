package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;

/**
 * A request that needs more memory than the heap: a real service process with a small heap and
 * no answer limit, asked for a thousand large results. The JVM's own OutOfMemoryError must
 * become a JSON 503 for that request, and the service must go on answering.
 */
class OutOfMemoryTest {
    private static final Pattern LISTENING = Pattern.compile("GET (http://127\\.0\\.0\\.1:\\d+)/v1/health");
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

        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaBin.toString(), "-Xmx" + HEAP_MB + "m", "-cp", cp, "org.nanoguide.cli.Main",
                "serve", "--rules", TestKb.RULES.toString(), "--port", "0", "--threads", "1",
                "--timeout-ms", "120000", "--max-answer", String.valueOf(Long.MAX_VALUE))
                .redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) listening.complete(m.group(1));
                }
            } catch (java.io.IOException e) {
                // the process is gone
            }
            listening.complete(null);
        });
        reader.setDaemon(true);
        reader.start();
        try {
            String base = listening.get(60, TimeUnit.SECONDS);
            assertNotNull(base, "never said where it listens: " + output);
            Http http = new Http(URI.create(base));

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
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
