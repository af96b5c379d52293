package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;

/** 1,000 cases give byte-identical JSON from `nanoguide evaluate --format ndjson` and from POST /v1/evaluate. */
class CliServiceDeterminismTest {
    static final int CASES = 1000;

    @Test
    void theCliAndTheServiceGiveTheSameBytesForAThousandCases(@TempDir Path tmp) throws Exception {
        List<String> cases = Cases.generated(CASES, 20251129L);
        Path file = tmp.resolve("cohort.ndjson");
        Files.writeString(file, String.join("\n", cases) + "\n");
        Cli.Run cli = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), "--format", "ndjson", "--quiet", file.toString());
        assertEquals(0, cli.status(), cli.err());
        List<String> lines = cli.out().lines().toList();
        assertEquals(CASES, lines.size(), "one line per case");

        try (NanoguideService service = NanoguideService.start(LiveRules.fromFolder(TestKb.RULES, 10_000),
                ServiceOptions.defaults().withPort(0), false)) {
            Http http = new Http(service);
            List<String> different = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                Http.Reply r = http.post("/v1/evaluate", cases.get(i));
                if (r.status() != 200 || !r.body().equals(lines.get(i))) different.add("case " + i + ": " + r.status());
            }
            assertEquals(List.of(), different);
            // and in arrays of 100: the same bytes, joined
            for (int from = 0; from < CASES; from += 100) {
                Http.Reply r = http.post("/v1/evaluate", "[" + String.join(",", cases.subList(from, from + 100)) + "]");
                assertEquals(200, r.status(), r.body());
                assertEquals("[" + String.join(",", lines.subList(from, from + 100)) + "]", r.body());
            }
        }
    }
}
