package org.nanoguide.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;

/** Issue 7.3: a looping rule is stopped by the firing bound, named, and the batch goes on. */
class RunawayRuleTest {
    @TempDir
    Path dir;

    @Test
    void loopingRuleStopsOnlyItsCases() throws Exception {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        try (Stream<Path> s = Files.list(TestKb.RULES)) {
            for (Path p : (Iterable<Path>) s::iterator) Files.copy(p, rules.resolve(p.getFileName()));
        }
        Files.writeString(rules.resolve("zz-loop.drl"), """
                package org.nanoguide.rules;
                import org.nanoguide.model.*;
                import org.nanoguide.facts.*;
                rule "Test only: re-triggers itself for leukemia"
                    @id("test-runaway-loop") @section("test")
                when
                    $t : Tumor( type == TumorType.LEUKEMIA )
                then
                    update($t);
                end
                """);
        String good1 = "{\"id\":\"ok-1\",\"tumor\":{\"type\":\"BREAST\"}}";
        String loop = "{\"id\":\"loops\",\"tumor\":{\"type\":\"LEUKEMIA\"}}";
        String good2 = "{\"id\":\"ok-2\",\"tumor\":{\"type\":\"LUNG\"}}";
        Path in = Files.write(dir.resolve("batch.ndjson"), java.util.List.of(good1, loop, good2));
        CliRun r = CliRun.run("evaluate", "--rules", rules.toString(), "--format", "ndjson", "--max-firings", "500", in.toString());
        assertEquals(1, r.status, r.err);
        assertEquals(2, r.out.lines().count(), r.out);
        assertTrue(r.out.contains("\"ok-1\"") && r.out.contains("\"ok-2\""));
        assertTrue(r.err.contains("batch.ndjson:2"), r.err);
        assertTrue(r.err.contains("test-runaway-loop"), r.err);
        assertTrue(r.err.contains("3 cases: 2 evaluated, 0 rejected, 1 failed"), r.err);
    }
}
