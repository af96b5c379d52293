package org.nanoguide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.render.JsonRenderer;

/** The real `nanoguide evaluate` over real files, in-process. */
class EvaluateCommandTest {
    static final String GOOD = "{\"tumor\": {\"type\": \"GLIOBLASTOMA\", \"depthCm\": 6}, \"resources\": {\"alternatingMagneticField\": true}}";

    @Test
    void aBatchWithGoodAndBadFilesEvaluatesEveryGoodCaseAndExitsOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a-good.json"), GOOD);
        Files.writeString(dir.resolve("b-syntax.json"), "{\"tumor\": {\"type\": ");
        Files.writeString(dir.resolve("c-schema.json"), "{\"tumor\": {\"type\": \"BREAST\", \"receptors\": {\"HER3\": \"POSITIVE\"}}}");
        Files.writeString(dir.resolve("d-array.json"), "[" + GOOD + ", {\"tumor\": {}}, " + GOOD + "]");
        Files.writeString(dir.resolve("e-stream.ndjson"), GOOD + "\nnot json\n\n" + GOOD + "\n");
        Files.writeString(dir.resolve("ignored.txt"), "not a case");

        Cli.Run run = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), "--format", "ndjson", dir.toString());
        assertEquals(1, run.status(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(5, lines.length, "every good case is printed: " + run.out());
        for (String line : lines) JsonRenderer.mapper().readTree(line);
        assertTrue(run.err().contains("b-syntax.json: $: not valid JSON"), run.err());
        assertTrue(run.err().contains("c-schema.json: $.tumor.receptors.HER3: unknown field"), run.err());
        assertTrue(run.err().contains("d-array.json[1]: $[1].tumor: missing required field \"type\""), run.err());
        assertTrue(run.err().contains("e-stream.ndjson:2: $: not valid JSON"), run.err());
        assertTrue(run.err().contains("9 cases: 5 evaluated, 4 rejected, 0 failed"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void jsonIsOneObjectForOneCaseAndAnArrayForSeveral(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one.json");
        Files.writeString(one, GOOD);
        Cli.Run single = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), "--format", "json", one.toString());
        assertEquals(0, single.status(), single.err());
        JsonNode node = JsonRenderer.mapper().readTree(single.out());
        assertTrue(node.isObject());
        assertEquals("one", node.get("caseId").asText(), "the id defaults to the file name");

        Cli.Run two = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), "--format", "json", one.toString(), one.toString());
        JsonNode array = JsonRenderer.mapper().readTree(two.out());
        assertTrue(array.isArray());
        assertEquals(2, array.size());
    }

    @Test
    void standardInputIsNdjson() {
        Cli.Run run = Cli.withStdin(GOOD + "\n" + GOOD + "\n", "evaluate", "--rules", TestKb.RULES.toString(), "--format", "ndjson", "-");
        assertEquals(0, run.status(), run.err());
        assertEquals(2, run.out().strip().split("\n").length);
        assertTrue(run.out().contains("\"caseId\":\"stdin:1\""), run.out());
    }

    /**
     * A producer that sends one case and waits for its answer before the next (a simulation
     * driving nanoguide through a pipe) must get that answer: nothing is held back in a buffer
     * or a chunk while the input is idle.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1", "2"})
    void aSlowProducerOnStandardInputGetsEachResultBeforeSendingTheNext(String threads) throws Exception {
        java.io.PipedOutputStream producer = new java.io.PipedOutputStream();
        java.io.PipedInputStream stdin = new java.io.PipedInputStream(producer, 1 << 16);
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        picocli.CommandLine cl = Main.commandLine();
        cl.setOut(StdOut.of(stdout));
        cl.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
        java.io.InputStream saved = System.in;
        System.setIn(stdin);
        int[] status = {-1};
        Thread run = new Thread(() -> status[0] = cl.execute("evaluate", "--rules", TestKb.RULES.toString(),
                "--format", "ndjson", "--threads", threads, "-"));
        try {
            run.start();
            for (int i = 1; i <= 3; i++) {
                producer.write((GOOD + "\n").getBytes(StandardCharsets.UTF_8));
                producer.flush();
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (lines(stdout) < i) {
                    assertTrue(System.nanoTime() < deadline, "no answer to case " + i + " while the producer waits for it");
                    Thread.sleep(10);
                }
            }
        } finally {
            producer.close(); // the end of input, also when an answer did not come
            run.join(60_000);
            System.setIn(saved);
        }
        assertEquals(0, status[0]);
        assertEquals(3, lines(stdout));
    }

    /** `nanoguide evaluate ... | head -1`: the reader goes away; the batch stops and says so. */
    @Test
    void aClosedStandardOutputStopsTheBatchWithExitOneAndSaysSo(@TempDir Path dir) throws Exception {
        StringBuilder nd = new StringBuilder();
        for (int i = 0; i < 3000; i++) nd.append(GOOD).append('\n');
        Path input = dir.resolve("many.ndjson");
        Files.writeString(input, nd.toString());
        long[] accepted = {0};
        java.io.OutputStream closesAfter100k = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException { write(new byte[] {(byte) b}, 0, 1); }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                if (accepted[0] + len > 100_000) throw new java.io.IOException("Broken pipe");
                accepted[0] += len;
            }
        };
        picocli.CommandLine cl = Main.commandLine();
        cl.setOut(StdOut.of(closesAfter100k));
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err));
        int status = cl.execute("evaluate", "--rules", TestKb.RULES.toString(), "--format", "ndjson", "--threads", "2",
                input.toString());
        assertEquals(1, status, err.toString());
        assertTrue(err.toString().contains("standard output was closed"), err.toString());
        assertFalse(err.toString().contains("3000 evaluated"), "no success summary: " + err);
    }

    /**
     * SIGTERM (or Ctrl-C) mid-batch, to a real process: the output holds every result the batch
     * finished, each whole with its line break (none left in the output buffer), stderr says how
     * far it got, and the exit status is the signal's.
     */
    @Test
    void aSignalMidBatchLeavesEveryFinishedResultWholeAndSaysHowFarItGot(@TempDir Path dir) throws Exception {
        StringBuilder nd = new StringBuilder();
        for (int i = 0; i < 50_000; i++) nd.append(GOOD).append('\n');
        Path input = Files.writeString(dir.resolve("many.ndjson"), nd.toString());
        Path output = dir.resolve("out.ndjson");
        Path errors = dir.resolve("err.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "org.nanoguide.cli.Main", "evaluate", "--format", "ndjson", input.toString())
                .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        try {
            long deadline = System.nanoTime() + 120_000_000_000L;
            // some results are out (the buffer holds 64 KiB, so others wait in it): the batch is under way
            while (Files.size(output) == 0 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(p.isAlive(), "the batch is still running when the signal comes");
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(143, p.exitValue(), "the signal's status (128 + 15)");
        String err = Files.readString(errors);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("stopped by a signal before the end: (\\d+) cases?: (\\d+) evaluated").matcher(err);
        assertTrue(m.find(), err);
        String out = Files.readString(output);
        assertTrue(out.endsWith("\n"), "ends with a whole line");
        java.util.List<String> lines = out.lines().toList();
        assertEquals(Integer.parseInt(m.group(2)), lines.size(), "every result the batch finished is written: " + err);
        assertTrue(lines.size() < 50_000, "stopped before the end");
        for (String line : lines) JsonRenderer.mapper().readTree(line);
    }

    /** `nanoguide evaluate ... > /dev/full`: the disk is full, which is not a reader that went away. */
    @Test
    void aFullDiskStopsTheBatchAndIsNamedAsSuch(@TempDir Path dir) throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "needs Linux's /dev/full");
        StringBuilder nd = new StringBuilder();
        for (int i = 0; i < 300; i++) nd.append(GOOD).append('\n');
        Path input = Files.writeString(dir.resolve("many.ndjson"), nd.toString());
        picocli.CommandLine cl = Main.commandLine();
        try (java.io.FileOutputStream devFull = new java.io.FileOutputStream(full.toFile())) {
            cl.setOut(StdOut.of(devFull));
            java.io.StringWriter err = new java.io.StringWriter();
            cl.setErr(new java.io.PrintWriter(err));
            int status = cl.execute("evaluate", "--rules", TestKb.RULES.toString(), "--format", "ndjson", input.toString());
            assertEquals(1, status, err.toString());
            assertTrue(err.toString().contains("standard output could not be written (No space left on device) after "), err.toString());
            assertFalse(err.toString().contains("reader went away"), err.toString());
            assertFalse(err.toString().contains("300 evaluated"), "no success summary: " + err);
        }
    }

    private static int lines(java.io.ByteArrayOutputStream out) {
        synchronized (out) {
            return (int) out.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
        }
    }

    @Test
    void humanFormatsCarryTheAdviceAndTheDisclaimer(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one.json");
        Files.writeString(one, GOOD);
        for (String format : new String[] {"text", "markdown", "html"}) {
            Cli.Run run = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), "--format", format, "--trace", one.toString());
            assertEquals(0, run.status(), run.err());
            assertTrue(run.out().contains("Research decision support only"), format);
            assertTrue(run.out().contains("IRON_OXIDE_NP"), format + ": " + run.out());
            assertTrue(run.out().contains("ionp-deep-tumor-hyperthermia"), format + " cites the rule");
        }
    }

    @Test
    void jsonFormatsCarryTheTraceOnlyWithTrace(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one.json");
        Files.writeString(one, GOOD);
        for (String format : new String[] {"json", "ndjson"}) {
            Cli.Run plain = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), "--format", format, one.toString());
            assertEquals(0, plain.status(), plain.err());
            var result = org.nanoguide.render.JsonRenderer.mapper().readTree(plain.out());
            assertFalse(result.has("trace"), format + ": " + plain.out());
            assertTrue(result.get("firings").asInt() > 0, format);
            Cli.Run traced = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), "--format", format, "--trace", one.toString());
            var withTrace = org.nanoguide.render.JsonRenderer.mapper().readTree(traced.out());
            assertEquals(result.get("firings").asInt(), withTrace.get("trace").size(), format);
        }
        Cli.Run text = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), one.toString());
        assertTrue(text.out().contains("rule firings led here (--trace to list them)"), text.out());
    }

    @Test
    void brokenRulesAreReportedWithFileAndLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("broken.drl"), """
                package org.nanoguide.rules;
                import org.nanoguide.facts.*;

                rule "Broken rule"
                    @id("broken") @section("1") @refs("")
                when
                    Tumor( solid ==
                then
                end
                """, StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("evaluate", "--rules", rules.toString(), dir.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("broken.drl:"), run.err());
        assertTrue(run.err().contains("the rules do not compile"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void helpVersionAndUsageErrors() {
        Cli.Run help = Cli.run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("evaluate"));
        Cli.Run evalHelp = Cli.run("evaluate", "--help");
        assertEquals(0, evalHelp.status());
        assertTrue(evalHelp.out().contains("--format"));
        Cli.Run version = Cli.run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("nanoguide "));
        assertTrue(version.out().contains("knowledge base " + TestKb.kb().version() + ", bundled, sha256:"), version.out());
        assertEquals(2, Cli.run("evaluate").status(), "a missing PATH is a usage error");
        assertEquals(2, Cli.run("evaluate", "--format", "pdf", "x.json").status());
        Cli.Run missing = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), "no/such/file.json");
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no/such/file.json: no such file"), missing.err());
    }
}
