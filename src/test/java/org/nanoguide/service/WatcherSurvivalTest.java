package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;

/**
 * The rules watcher survives (adversarial review #37, #40, defect 7): the folder deleted and
 * re-created, replaced by another folder moved into its place, an oversized rule file; health's
 * {@code watching} is true only while the watcher runs, with the time of its last event.
 */
class WatcherSurvivalTest {
    static final Duration DEADLINE = Duration.ofSeconds(40);

    private static String rule(String id) {
        return RuleDirs.HEADER + "rule \"" + id + "\"\n    @id(\"" + id + "\") @section(\"1\") @refs(\"\")\nwhen\n    Tumor( type == TumorType.BREAST )\n"
                + "then\n    insert(new Finding(\"" + id.toUpperCase().replace('-', '_') + "\", \"added\"));\nend\n";
    }

    @Test
    void theWatcherOutlivesWhatHappensToTheFolder(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        try (NanoguideService service = NanoguideService.start(LiveRules.fromFolder(rules, 10_000),
                ServiceOptions.defaults().withPort(0), true)) {
            Http http = new Http(service);
            assertTrue(http.get("/v1/health").json().get("watching").asBoolean());

            // #37: deleted, re-created, then edited
            deleteTree(rules);
            JsonNode gone = http.awaitHealth(h -> h.get("lastReloadError").asText("").contains("not found"), DEADLINE, "the folder gone");
            assertEquals("degraded", gone.get("status").asText());
            assertTrue(gone.get("watching").asBoolean(), gone.toString());
            TestKb.copyOfRules(tmp);
            http.awaitHealth(h -> h.get("lastReloadError").isNull() && h.get("status").asText().equals("ok"), DEADLINE, "the folder back");
            RuleDirs.write(rules.resolve("zz-one.drl"), rule("zz-one"));
            http.awaitHealth(h -> servesRule(http, "zz-one"), DEADLINE, "the edit in the re-created folder");
            JsonNode one = healthAfter(http);
            assertEquals("ok", one.get("status").asText(), one.toString());
            assertFalse(one.get("lastWatchEventAt").isNull(), one.toString());

            // another folder moved into its place (mv new rules)
            Path fresh = TestKb.copyOfRules(Files.createDirectories(tmp.resolve("next")));
            RuleDirs.write(fresh.resolve("zz-two.drl"), rule("zz-two"));
            Files.move(rules, tmp.resolve("rules.old"));
            Files.move(fresh, rules);
            http.awaitHealth(h -> servesRule(http, "zz-two") && !servesRule(http, "zz-one"), DEADLINE, "the folder moved in");

            // #40: an oversized (sparse) rule file is refused before it is read; the watcher goes on
            try (RandomAccessFile big = new RandomAccessFile(rules.resolve("zz-big.drl").toFile(), "rw")) {
                big.setLength(300L * 1024 * 1024);
            }
            JsonNode big = http.awaitHealth(h -> h.get("lastReloadError").asText("").contains("over the limit"), DEADLINE, "the big file");
            assertTrue(big.get("lastReloadError").asText().contains("zz-big.drl"), big.toString());
            assertTrue(big.get("watching").asBoolean());
            Files.delete(rules.resolve("zz-big.drl"));
            RuleDirs.write(rules.resolve("zz-three.drl"), rule("zz-three"));
            http.awaitHealth(h -> servesRule(http, "zz-three"), DEADLINE, "an edit after the big file");
            JsonNode three = healthAfter(http);
            assertEquals("ok", three.get("status").asText(), three.toString());
        }
    }

    @Test
    void aStoppedWatcherIsNotWatchingAndTheServiceIsDegraded(@TempDir Path tmp) throws Exception {
        LiveRules live = LiveRules.fromFolder(TestKb.copyOfRules(tmp), 10_000);
        try (EvaluationPool pool = new EvaluationPool(1, Duration.ofSeconds(5))) {
            ServiceHealth health = new ServiceHealth(live, pool, true);
            RulesWatcher watcher = RulesWatcher.start(live, RulesWatcher.DEFAULT_DEBOUNCE);
            health.watcher(watcher);
            assertTrue(health.watching());
            assertEquals(0, health.degraded().size(), health.degraded().toString());
            watcher.close();
            assertFalse(health.watching());
            assertTrue(health.degraded().get(0).contains("watcher has stopped"), health.degraded().toString());
            assertTrue(health.notReady().get(0).contains("watcher has stopped"));
        }
    }

    /**
     * Health read after the rules were seen: the health that {@code awaitHealth} hands back was read
     * before its condition looked at the rules, so it can predate the reload that condition saw.
     */
    private static JsonNode healthAfter(Http http) {
        return http.get("/v1/health").json();
    }

    private static boolean servesRule(Http http, String id) {
        return http.get("/v1/rules").body().contains("\"" + id + "\"");
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
