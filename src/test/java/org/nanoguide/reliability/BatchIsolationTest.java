package org.nanoguide.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.perf.CaseGenerator;

/** Issue 7.2: every input of a mixed batch is evaluated or rejected by name; nothing is dropped. */
class BatchIsolationTest {
    @TempDir
    Path dir;

    @Test
    void mixedBatchLosesNothing() throws Exception {
        Path good = Files.writeString(dir.resolve("a-good.json"), CaseGenerator.line(7, 0));
        Path badJson = Files.writeString(dir.resolve("b-bad-json.json"), "{\"tumor\": {\"type\": \"BREAST\",");
        Path badSchema = Files.writeString(dir.resolve("c-bad-schema.json"), "{\"tumor\": {\"type\": \"BREAST\", \"depthCm\": -3}}");
        ByteArrayOutputStream nd = new ByteArrayOutputStream();
        int ndGood = 0;
        for (int i = 0; i < 300; i++) {
            switch (i % 5) {
                case 0 -> nd.write("{\"tumor\": {\"type\": ".getBytes(StandardCharsets.UTF_8));            // bad JSON
                case 1 -> nd.write("{\"tumor\": {\"type\": \"NOPE\"}}".getBytes(StandardCharsets.UTF_8)); // bad schema
                case 2 -> nd.write(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}); // invalid UTF-8
                default -> {
                    nd.write(CaseGenerator.line(11, i).getBytes(StandardCharsets.UTF_8));
                    ndGood++;
                }
            }
            nd.write('\n');
        }
        Path ndjson = dir.resolve("d-mixed.ndjson");
        Files.write(ndjson, nd.toByteArray());
        Path missing = dir.resolve("e-missing.json");

        CliRun r = CliRun.run("evaluate", "--rules", TestKb.RULES.toString(), "--format", "ndjson", "--threads", "2",
                good.toString(), badJson.toString(), badSchema.toString(), ndjson.toString(), missing.toString());

        long outLines = r.out.lines().count();
        assertEquals(1 + ndGood, outLines, r.err);
        String[] errLines = r.err.split("\n");
        long rejected = 300 - ndGood + 3;
        String summary = errLines[errLines.length - 1];
        assertEquals("nanoguide: " + (outLines + rejected) + " cases: " + outLines + " evaluated, " + rejected + " rejected, 0 failed", summary);
        assertEquals(rejected, errLines.length - 1, r.err);
        assertTrue(r.err.contains("b-bad-json.json"), r.err);
        assertTrue(r.err.contains("c-bad-schema.json"), r.err);
        assertTrue(r.err.contains("e-missing.json"), r.err);
        for (int i = 0; i < 300; i++) {
            if (i % 5 < 3) assertTrue(r.err.contains("d-mixed.ndjson:" + (i + 1) + ":"), "line " + (i + 1) + " not named\n" + r.err);
        }
        assertEquals(1, r.status);
    }
}
