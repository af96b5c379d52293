package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules that loop for one kind of case: that case gets 500 (runaway, with the rules named), the
 * service stays up and every other case is still answered. Rules that hang: StuckEvaluationsTest.
 */
class MisbehavingRulesTest {
    @TempDir
    static Path tmp;
    static NanoguideService service;
    static Http http;

    static final String LOOP = RuleDirs.HEADER + """
        rule "Test: start a loop for 99-year-olds"
            @id("test-loop-start") @section("test") @refs("")
        when
            Patient( age == 99 )
        then
            insert(new Finding("LOOP", "start"));
        end

        rule "Test: a rule that re-triggers itself"
            @id("test-loop") @section("test") @refs("")
        when
            Patient( age == 99 )
            Finding( code == "LOOP" )
        then
            insert(new Finding("LOOP", "again"));
        end
        """;

    // The time limit is far above what 500 firings take even on a cold, loaded machine (at 400 ms
    // a loaded CI machine answered the runaway with 503).
    @BeforeAll
    static void start() throws Exception {
        service = RuleDirs.serviceWith(tmp, "zz-misbehaving.drl", LOOP, 500, Duration.ofMillis(8000));
        http = new Http(service);
    }

    @AfterAll
    static void stop() {
        if (service != null) service.close();
    }

    @Test
    void aRunawayRuleIs500NamingTheRulesAndTheServiceStaysUp() {
        Http.Reply r = http.post("/v1/evaluate", "{\"id\": \"old\", \"patient\": {\"age\": 99}, \"tumor\": {\"type\": \"LUNG\"}}");
        assertEquals(500, r.status(), r.body());
        String error = r.json().get("error").asText();
        assertTrue(error.startsWith("request: case old: rules ran away: stopped after 500 firings"), error);
        assertTrue(error.contains("test-loop (zz-misbehaving.drl:"), error);
        assertFalse(r.body().contains("Exception"), r.body());

        assertEquals(200, http.post("/v1/evaluate", Cases.DEEP).status(), "other cases are still answered");
        assertEquals("ok", http.get("/v1/health").json().get("status").asText());
    }
}
