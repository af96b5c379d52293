package org.nanoguide.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.perf.CaseGenerator;

/** Issue 7.4: same case + same rules gives byte-identical JSON across runs and thread counts. */
class DeterminismTest {
    @TempDir
    Path dir;

    @Test
    void thousandCasesSameBytesOnOneAndFourThreads() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) lines.add(CaseGenerator.line(2026, i));
        Path in = Files.write(dir.resolve("cases.ndjson"), lines);
        String rules = TestKb.RULES.toString();
        CliRun one = CliRun.run("evaluate", "--rules", rules, "--format", "ndjson", "--threads", "1", in.toString());
        CliRun four = CliRun.run("evaluate", "--rules", rules, "--format", "ndjson", "--threads", "4", in.toString());
        CliRun again = CliRun.run("evaluate", "--rules", rules, "--format", "ndjson", "--threads", "4", in.toString());
        assertEquals(0, one.status, one.err);
        assertEquals(1000, one.out.lines().count());
        assertEquals(one.out, four.out);
        assertEquals(four.out, again.out);
    }
}
