package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.Nanoguide;
import org.nanoguide.TestKb;
import org.nanoguide.kb.RulesInvalidException;

/** Reloading without HTTP: what replaces the serving rules, and what does not. */
class LiveRulesTest {
    static final String RULE = RuleDirs.HEADER + """
        rule "Test: nested rule"
            @id("test-nested") @section("test") @refs("")
        when
            Tumor( type == TumorType.SKIN )
        then
            insert(new Finding("NESTED", "from a subfolder"));
        end
        """;

    @Test
    void unchangedFilesKeepTheSameInstanceAndClearNothing(@TempDir Path tmp) throws Exception {
        LiveRules live = LiveRules.fromFolder(TestKb.copyOfRules(tmp), 10_000);
        Nanoguide before = live.current();
        assertFalse(live.reload());
        assertSame(before, live.current());
        assertNull(live.lastReload().error());
        assertTrue(live.lastReload().at() != null);
    }

    @Test
    void aMissingFolderIsAFailedReloadNotAnOutage(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        LiveRules live = LiveRules.fromFolder(rules, 10_000);
        Nanoguide before = live.current();
        Path moved = tmp.resolve("moved");
        Files.move(rules, moved);
        assertFalse(live.reload());
        assertSame(before, live.current());
        assertTrue(live.lastReload().error().contains("could not be read"), live.lastReload().error());
        Files.move(moved, rules);
        assertFalse(live.reload(), "the same files again: nothing to swap");
        assertNull(live.lastReload().error(), "and the error is cleared");
    }

    @Test
    void duplicateIdsAreNotServed(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        LiveRules live = LiveRules.fromFolder(rules, 10_000);
        String id = TestKb.kb().rules().get(0).id();
        Files.writeString(rules.resolve("zz.drl"), RULE.replace("test-nested", id));
        assertFalse(live.reload());
        assertTrue(live.lastReload().error().contains("@id(\"" + id + "\") is already used by rule"), live.lastReload().error());
        assertThrows(RulesInvalidException.class, () -> LiveRules.fromFolder(rules, 10_000), "nor served at start");
    }

    @Test
    void theWatcherSeesRulesInANewSubfolder(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        LiveRules live = LiveRules.fromFolder(rules, 10_000);
        String before = live.current().fingerprint();
        try (RulesWatcher ignored = RulesWatcher.start(live, Duration.ofMillis(100))) {
            Path sub = rules.resolve("extra");
            Files.createDirectories(sub);
            Files.writeString(sub.resolve("nested.drl"), RULE);
            Instant deadline = Instant.now().plusSeconds(30);
            while (live.current().fingerprint().equals(before) && Instant.now().isBefore(deadline)) Thread.sleep(20);
            assertNotEquals(before, live.current().fingerprint(), "reloaded: " + live.lastReload());
            assertTrue(live.current().rules().stream().anyMatch(r -> "test-nested".equals(r.id())));
            assertEquals("extra/nested.drl", live.current().knowledgeBase().rule("test-nested").orElseThrow().file());
        }
    }
}
