package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;

/** Stopping the service lets a request in flight finish, and then refuses new connections. */
class GracefulShutdownTest {
    // rules are data: the slow part is a backtracking pattern (about a second), not Java
    static final String SLOW = RuleDirs.HEADER + """
        rule "Test: a slow rule for 98-year-olds"
            @id("test-slow") @section("test") @refs("")
        when
            Patient( age == 98 )
        then
            insert(new Finding("SLOW", "" + "a".repeat(21).matches("(.*a){12}b")));
        end
        """;

    @Test
    void aRequestInFlightFinishesWhenTheServiceStops(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        Files.writeString(rules.resolve("zz-slow.drl"), SLOW);
        NanoguideService service = NanoguideService.start(LiveRules.fromFolder(rules, 10_000),
                ServiceOptions.defaults().withPort(0).withTimeout(Duration.ofSeconds(10)), false);
        Http http = new Http(service);
        try {
            CompletableFuture<Http.Reply> inFlight = CompletableFuture.supplyAsync(() ->
                    http.post("/v1/evaluate", "{\"id\": \"slow\", \"patient\": {\"age\": 98}, \"tumor\": {\"type\": \"LUNG\"}}"));
            Instant deadline = Instant.now().plusSeconds(10);
            while (service.evaluationsRunning() == 0 && Instant.now().isBefore(deadline)) Thread.sleep(5);
            assertEquals(1, service.evaluationsRunning(), "the slow request is being evaluated");

            service.close(); // what SIGTERM's shutdown hook does
            Http.Reply r = inFlight.get(20, TimeUnit.SECONDS);
            assertEquals(200, r.status(), r.body());
            assertTrue(r.body().startsWith("{\"caseId\":\"slow\""), r.body());
            assertThrows(RuntimeException.class, () -> http.get("/v1/health"), "no longer listening");
        } finally {
            service.close();
        }
    }
}
