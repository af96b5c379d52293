package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.Nanoguide;
import org.nanoguide.TestKb;

/**
 * {@code --watch} on a copy of rules/: a broken edit leaves the old rules serving and health
 * reports it; a valid edit is picked up; requests during a reload are answered wholly by the
 * old rules or wholly by the new ones; {@code /metrics} counts the reloads by outcome.
 */
class HotReloadTest {
    static final Duration DEADLINE = Duration.ofSeconds(30);

    static final String EXTRA = RuleDirs.HEADER + """
        rule "Test: a finding the reload adds for breast tumors"
            @id("test-reload-finding") @section("test") @refs("")
        when
            Tumor( type == TumorType.BREAST )
        then
            insert(new Finding("RELOADED", "This finding exists only in the edited rules."));
        end
        """;

    @Test
    void brokenEditsKeepTheOldRulesServingAndValidEditsArePickedUp(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        try (NanoguideService service = NanoguideService.start(LiveRules.fromFolder(rules, 10_000),
                ServiceOptions.defaults().withPort(0), true)) {
            Http http = new Http(service);
            JsonNode h0 = http.get("/v1/health").json();
            String f0 = h0.get("fingerprint").asText();
            int n0 = h0.get("rules").asInt();
            assertTrue(h0.get("watching").asBoolean());
            String before = http.post("/v1/evaluate", Cases.HER2).body();
            assertEquals(0, reloads(http, "applied"));
            assertEquals(0, reloads(http, "refused"));

            // 1. a syntax error: not served, reported, the old rules answer
            RuleDirs.write(rules.resolve("zz-extra.drl"), EXTRA.replace("then", "then garbage("));
            JsonNode broken = http.awaitHealth(h -> !h.get("lastReloadError").isNull(), DEADLINE, "the failed reload");
            assertEquals("degraded", broken.get("status").asText());
            assertEquals(f0, broken.get("fingerprint").asText(), "the old rules still serve");
            assertTrue(broken.get("lastReloadError").asText().contains("zz-extra.drl"), broken.toString());
            assertTrue(broken.get("lastReloadProblems").get(0).asText().startsWith("zz-extra.drl:"), broken.toString());
            assertTrue(reloads(http, "refused") >= 1, "the broken edit is counted as refused");
            assertEquals(0, reloads(http, "applied"));
            Http.Reply during = http.post("/v1/evaluate", Cases.HER2);
            assertEquals(200, during.status());
            assertEquals(before, during.body(), "the same answer from the same old rules");

            // 2. compiles but a rule has no @id: not served either
            RuleDirs.write(rules.resolve("zz-extra.drl"), EXTRA.replace("@id(\"test-reload-finding\") ", ""));
            JsonNode noId = http.awaitHealth(h -> h.get("lastReloadError").asText("").contains("no @id"), DEADLINE, "the missing @id");
            assertEquals(f0, noId.get("fingerprint").asText());
            long refused = reloads(http, "refused");
            assertTrue(refused >= 2, "each refused edit counts: " + refused);

            // 3. a valid edit, with clients asking all the while
            Nanoguide oldRules = Nanoguide.fromFolder(TestRulesSnapshot.without(rules, "zz-extra.drl", tmp.resolve("old")));
            RuleDirs.write(rules.resolve("zz-extra.drl"), EXTRA);
            Nanoguide newRules = Nanoguide.fromFolder(rules);
            String expectedOld = Nanoguide.toJson(oldRules.evaluate(Cases.HER2));
            String expectedNew = Nanoguide.toJson(newRules.evaluate(Cases.HER2));
            assertEquals(f0, oldRules.fingerprint());
            assertEquals(before, expectedOld);

            AtomicBoolean reloaded = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                answers.add(clients.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    int after = 0;
                    while (after < 20) {
                        Http.Reply r = http.post("/v1/evaluate", Cases.HER2);
                        if (r.status() != 200 || !(r.body().equals(expectedOld) || r.body().equals(expectedNew))) {
                            wrong.add(r.status() + " " + r.body());
                        }
                        if (reloaded.get()) after++;
                    }
                    return wrong;
                }));
            }
            JsonNode valid = http.awaitHealth(h -> !h.get("fingerprint").asText().equals(f0), DEADLINE, "the new rules");
            reloaded.set(true);
            for (Future<List<String>> f : answers) {
                assertEquals(List.of(), f.get(60, TimeUnit.SECONDS), "every answer is wholly old or wholly new");
            }
            clients.shutdownNow();

            assertEquals("ok", valid.get("status").asText());
            assertTrue(valid.get("lastReloadError").isNull(), valid.toString());
            assertEquals(newRules.fingerprint(), valid.get("fingerprint").asText());
            assertEquals(n0 + 1, valid.get("rules").asInt());
            Http.Reply now = http.post("/v1/evaluate", Cases.HER2);
            assertEquals(expectedNew, now.body());
            assertTrue(now.body().contains("\"RELOADED\""), "the new rule's finding shows");
            assertFalse(http.post("/v1/evaluate", Cases.DEEP).body().contains("\"RELOADED\""), "only where it applies");
            assertNotEquals(f0, now.json().get("knowledgeBase").get("fingerprint").asText());
            assertEquals(1, reloads(http, "applied"), "the one valid edit is the one applied reload");
            assertEquals(refused, reloads(http, "refused"), "and refused nothing more");
            assertTrue(metric(http, "nanoguide_rules_reload_last_failed ") == 0, "the gauge of the last reload is clear again");
        }
    }

    /** A reload counter as Prometheus scrapes it from the real service. */
    static long reloads(Http http, String outcome) {
        return (long) metric(http, "nanoguide_rules_reloads_total{outcome=\"" + outcome + "\"} ");
    }

    static double metric(Http http, String prefix) {
        Http.Reply m = http.get("/metrics");
        assertEquals(200, m.status());
        return m.body().lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + "in /metrics:\n" + m.body()));
    }
}
