package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unauthenticated health names the rules folder, never where it lies on the server (adversarial review #41, defect 11). */
class HealthDisclosureTest {

    @Test
    void healthShowsNoServerPathAlsoWhenTheFolderIsGone(@TempDir Path tmp) throws Exception {
        Path rules = RuleDirs.copyOfRules(tmp);
        LiveRules live = LiveRules.fromFolder(rules, 10_000);
        try (NanoguideService service = NanoguideService.start(live, ServiceOptions.defaults().withPort(0), false)) {
            Http http = new Http(service);
            Http.Reply ok = http.get("/v1/health");
            assertEquals(rules.getFileName().toString(), ok.json().get("rulesFrom").asText());
            assertFalse(ok.body().contains(tmp.toString()), ok.body());

            try (Stream<Path> files = Files.walk(rules)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
            assertFalse(live.reload(), "nothing to reload");
            Http.Reply degraded = http.get("/v1/health");
            JsonNode h = degraded.json();
            assertEquals("degraded", h.get("status").asText(), degraded.body());
            assertFalse(degraded.body().contains(tmp.toString()), degraded.body());
            assertTrue(h.get("lastReloadError").asText().contains(rules.getFileName().toString()), degraded.body());
        }
    }
}
