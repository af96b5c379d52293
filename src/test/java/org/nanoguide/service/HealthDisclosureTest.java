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
import org.nanoguide.TestKb;

/** Unauthenticated health names the rules folder, never where it lies on the server (adversarial review #41, defect 11). */
class HealthDisclosureTest {

    @Test
    void healthShowsNoServerPathAlsoWhenTheFolderIsGone(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
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

    /** #41: a rule file that links out of the folder (to /etc/passwd in the review) is refused unread, so health quotes none of it. */
    @Test
    void aRuleFileLinkedFromOutsideTheFolderIsRefusedWithoutQuotingIt(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "topsecret-token: not a rule\n");
        LiveRules live = LiveRules.fromFolder(rules, 10_000);
        try (NanoguideService service = NanoguideService.start(live, ServiceOptions.defaults().withPort(0), false)) {
            Files.createSymbolicLink(rules.resolve("zz-passwd.drl"), secret);
            assertFalse(live.reload(), "a rule file linked from outside is not served");
            Http.Reply degraded = new Http(service).get("/v1/health");
            assertEquals("degraded", degraded.json().get("status").asText(), degraded.body());
            assertTrue(degraded.body().contains("zz-passwd.drl is a link to a file outside the rules folder"), degraded.body());
            assertFalse(degraded.body().contains("topsecret"), degraded.body());
            assertFalse(degraded.body().contains(tmp.toString()), degraded.body());
        }
    }
}
