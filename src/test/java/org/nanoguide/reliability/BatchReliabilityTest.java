package org.nanoguide.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;
import org.nanoguide.model.CaseGenerator;
import org.nanoguide.render.JsonRenderer;

/** Batches never lose a case, a runaway rule costs only its own case, and answers never depend on threads. */
class BatchReliabilityTest {

    private static String generated(int n, long seed) {
        CaseGenerator g = new CaseGenerator(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(g.next()).append('\n');
        return sb.toString();
    }

    @Test
    void everyInputOfAMixedBatchIsEvaluatedOrRejectedByName(@TempDir Path dir) throws Exception {
        String good = new CaseGenerator(7).next().toString();
        Files.writeString(dir.resolve("01-good.json"), good);
        Files.writeString(dir.resolve("02-syntax.json"), "{\"tumor\": ");
        Files.writeString(dir.resolve("03-schema.json"), "{\"tumor\": {\"type\": \"LUNG\", \"depthCm\": \"deep\"}}");
        Files.writeString(dir.resolve("04-array.json"), "[" + good + ", 17, " + good + "]");
        ByteArrayOutputStream nd = new ByteArrayOutputStream();
        nd.write((good + "\n").getBytes(StandardCharsets.UTF_8));
        nd.write(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
        nd.write(("{\"tumor\": {\"type\": \"SKIN\"}}\n\n" + good.substring(0, 20) + "\n" + good + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("05-stream.ndjson"), nd.toByteArray());
        String missing = dir.resolve("06-missing.json").toString();

        Cli.Run run = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), "--format", "ndjson", "--threads", "2",
                dir.toString(), missing);
        assertEquals(1, run.status());
        List<String> results = run.out().isBlank() ? List.of() : List.of(run.out().strip().split("\n"));
        List<String> rejected = new ArrayList<>();
        for (String line : run.err().split("\n")) {
            if (line.contains(": $") || line.contains(": no such file")) rejected.add(line);
        }
        // 1 + 2 + 3 good cases; 1 + 1 + 1 (array element) + 2 (ndjson) + 1 (missing) rejected
        assertEquals(6, results.size(), run.out());
        assertEquals(6, rejected.size(), run.err());
        for (String r : results) JsonRenderer.mapper().readTree(r);
        assertTrue(run.err().contains("04-array.json[1]: $[1]: expected a case object"), run.err());
        assertTrue(run.err().contains("05-stream.ndjson:2: $"), "the bad UTF-8 line is named: " + run.err());
        assertTrue(run.err().contains("05-stream.ndjson:5: $: not valid JSON"), run.err());
        assertTrue(run.err().contains("06-missing.json: no such file"), run.err());
        assertTrue(run.err().contains("12 cases: 6 evaluated, 6 rejected, 0 failed"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void aRunawayRuleStopsOnlyTheCasesItLoopsOn(@TempDir Path dir) throws Exception {
        Path rules = TestKb.copyOfRules(dir);
        Files.writeString(rules.resolve("zz-loop.drl"), """
                package org.nanoguide.rules;
                import org.nanoguide.model.*;
                import org.nanoguide.facts.*;

                rule "Lung tumors start a loop"
                    @id("loop-start") @section("1") @refs("")
                when
                    Tumor( type == TumorType.LUNG )
                then
                    insert(new Finding("LOOP", "start"));
                end

                rule "A finding that breeds itself"
                    @id("loop-again") @section("1") @refs("")
                when
                    Finding( code == "LOOP" )
                then
                    insert(new Finding("LOOP", "again"));
                end
                """);
        String cases = "{\"id\": \"skin\", \"tumor\": {\"type\": \"SKIN\"}}\n"
                + "{\"id\": \"lung\", \"tumor\": {\"type\": \"LUNG\"}}\n"
                + "{\"id\": \"breast\", \"tumor\": {\"type\": \"BREAST\"}}\n";
        Cli.Run run = Cli.withStdin(cases, "evaluate", "--rules", rules.toString(), "--format", "ndjson", "--max-firings", "2000", "-");
        assertEquals(1, run.status());
        String[] out = run.out().strip().split("\n");
        assertEquals(2, out.length, run.out());
        assertTrue(out[0].contains("\"caseId\":\"skin\"") && out[1].contains("\"caseId\":\"breast\""), run.out());
        assertTrue(run.err().contains("stdin:2: case lung: rules ran away: stopped after 2000 firings"), run.err());
        assertTrue(run.err().contains("loop-again (zz-loop.drl:13)"), "names the looping rule: " + run.err());
        assertTrue(run.err().contains("3 cases: 2 evaluated, 0 rejected, 1 failed"), run.err());
    }

    @Test
    void theSameCasesGiveTheSameBytesOnOneThreadOrFour() {
        String cases = generated(1000, 42);
        Cli.Run one = Cli.withStdin(cases, "evaluate", "--rules", TestKb.RULES.toString(), "--format", "ndjson", "--threads", "1", "-");
        Cli.Run four = Cli.withStdin(cases, "evaluate", "--rules", TestKb.RULES.toString(), "--format", "ndjson", "--threads", "4", "-");
        assertEquals(0, one.status(), one.err());
        assertEquals(1000, one.out().strip().split("\n").length);
        assertEquals(one.out(), four.out(), "results do not depend on the number of threads");
        Cli.Run again = Cli.withStdin(cases, "evaluate", "--rules", TestKb.RULES.toString(), "--format", "ndjson", "--threads", "4", "-");
        assertEquals(one.out(), again.out(), "nor on the run");
    }
}
