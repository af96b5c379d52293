package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that does not return for one kind of case (adversarial review #34, defect 2): that case
 * gets 503 at the time limit; its thread, which never looks at the interrupt, is given up on and
 * replaced, so every other case is still answered; health is degraded and readiness 503 until
 * the thread comes back. Before, two such cases took the service for good while health said ok.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StuckEvaluationsTest {
    @TempDir
    static Path tmp;
    static NanoguideService service;
    static Http http;

    // data, as rules must be, yet slow: a backtracking pattern takes seconds and ignores interrupts
    static final String SLOW = RuleDirs.HEADER + """
        rule "Test: a rule that takes far too long for 98-year-olds"
            @id("test-slow") @section("test") @refs("")
        when
            Patient( age == 98 )
        then
            insert(new Finding("SLOW", "" + "a".repeat(30).matches("(.*a){14}b")));
        end
        """;

    @BeforeAll
    static void start() throws Exception {
        service = RuleDirs.serviceWith(tmp, "zz-slow.drl", SLOW, 10_000, Duration.ofMillis(1500));
        http = new Http(service);
    }

    @AfterAll
    static void stop() {
        if (service != null) service.close();
    }

    @Test
    @Order(1)
    void anEvaluationOverTheTimeLimitIs503AndTheServiceStaysUp() {
        Http.Reply r = http.post("/v1/evaluate", "{\"patient\": {\"age\": 98}, \"tumor\": {\"type\": \"LUNG\"}}");
        assertEquals(503, r.status(), r.body());
        assertTrue(r.json().get("error").asText().contains("did not finish within 1500 ms"), r.body());
        Http.Reply other = http.post("/v1/evaluate", Cases.HER2);
        assertEquals(200, other.status(), "other cases are still answered: " + other.body());
    }

    @Test
    @Order(2)
    void threadsThatNeverComeBackAreReplacedAndHealthIsDegradedUntilTheyDo() throws Exception {
        String slow = "{\"patient\": {\"age\": 98}, \"tumor\": {\"type\": \"LUNG\"}}";
        List<CompletableFuture<Http.Reply>> stuck = List.of(CompletableFuture.supplyAsync(() -> http.post("/v1/evaluate", slow)),
                CompletableFuture.supplyAsync(() -> http.post("/v1/evaluate", slow)));
        for (CompletableFuture<Http.Reply> r : stuck) assertEquals(503, r.get().status(), r.get().body());

        // both evaluation threads are taken; before, every request got 503 from here on
        JsonNode h = http.get("/v1/health").json();
        assertTrue(h.get("stuckEvaluations").asInt() >= 1, h.toString());
        assertEquals("degraded", h.get("status").asText());
        assertTrue(h.get("degradedBecause").toString().contains("stuck past the time limit"), h.toString());
        assertEquals(503, http.get("/v1/health/ready").status());
        assertEquals(200, http.get("/v1/health/live").status());
        assertEquals(200, http.post("/v1/evaluate", Cases.HER2).status(), "answered by a replacement thread");

        JsonNode back = http.awaitHealth(x -> x.get("stuckEvaluations").asInt() == 0, Duration.ofSeconds(240), "the stuck threads back");
        assertEquals("ok", back.get("status").asText(), back.toString());
        assertEquals(200, http.get("/v1/health/ready").status());
    }
}
