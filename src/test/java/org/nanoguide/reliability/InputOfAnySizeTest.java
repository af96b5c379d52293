package org.nanoguide.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.CaseReader;
import org.nanoguide.model.CaseSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input of any size, never a stack trace (adversarial review #49, #50, #52, #53, defect 5): each
 * attack as the review made it, through the real command line. A case over the limit is
 * rejected by name and reading goes on; the cases around it are evaluated.
 */
class InputOfAnySizeTest {
    private static final String LUNG = "{\"tumor\": {\"type\": \"LUNG\"}}";
    private static final String SKIN = "{\"tumor\": {\"type\": \"SKIN\"}}";

    private static Cli.Run evaluate(InputStream stdin, String... inputs) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--rules", TestKb.RULES.toString(), "--format", "ndjson"));
        args.addAll(List.of(inputs));
        return Cli.withStdin(stdin, args.toArray(String[]::new));
    }

    private static List<String> results(Cli.Run run) {
        return run.out().isBlank() ? List.of() : run.out().strip().lines().toList();
    }

    private static void assertNoStackTrace(Cli.Run run) {
        assertFalse(run.err().contains("Exception") || run.err().contains("Error:") || run.err().contains("\tat "), run.err());
    }

    /** {@code count} bytes of {@code b}, made as they are read, none held. */
    private static InputStream repeated(byte b, long count) {
        return new InputStream() {
            private long left = count;

            @Override
            public int read() {
                if (left <= 0) return -1;
                left--;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (left <= 0) return -1;
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(buf, off, off + n, b);
                left -= n;
                return n;
            }
        };
    }

    private static InputStream text(String s) {
        return new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void devZeroAndDevUrandomGivenByPathAreRefusedByNameAtOnce() {
        Cli.Run run = evaluate(null, "/dev/zero", "/dev/urandom");
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains("/dev/zero: a character device, not a case file"), run.err());
        assertTrue(run.err().contains("/dev/urandom: a character device, not a case file"), run.err());
        assertTrue(run.err().contains("2 cases: 0 evaluated, 2 rejected"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void anEndlessStandardInputIsRejectedByNameNotAnOutOfMemoryError() {
        // - < /dev/zero: a line that never ends
        Cli.Run run = evaluate(new SequenceInputStream(text(LUNG + "\n"), repeated((byte) 0, Long.MAX_VALUE)), "-");
        assertEquals(1, run.status(), run.err());
        assertEquals(1, results(run).size(), "the case before it is evaluated and written: " + run.out());
        assertTrue(run.err().contains("stdin:2: $: no line break in the first 1073741824 bytes of the line"), run.err());
        assertTrue(run.err().contains("2 cases: 1 evaluated, 1 rejected"), run.err());
        assertNoStackTrace(run);
    }

    /** Random bytes for ever, after {@code first}, as {@code - < /dev/urandom} gives them. */
    private static InputStream endlessRandom(String first) {
        byte[] block = new byte[1 << 16];
        new java.util.Random(51).nextBytes(block);
        return new SequenceInputStream(text(first), new InputStream() {
            private int at;

            @Override
            public int read() {
                int b = block[at] & 0xff;
                at = (at + 1) % block.length;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                int n = Math.min(len, block.length - at);
                System.arraycopy(block, at, buf, off, n);
                at = (at + n) % block.length;
                return n;
            }
        });
    }

    @Test
    void endlessRandomBytesOnStandardInputAreRejectedOnceAndTheRunEnds() {
        // #51: taken for NDJSON (the first byte is no letter) and for CSV (it is); the whole input is
        // refused in one message, then read on only up to the limit of an endless line, not for ever
        for (String first : List.of("\u0001", "x")) {
            Cli.Run run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(3),
                    () -> evaluate(endlessRandom(first), "-"), "reading endless random bytes never ended");
            assertEquals(1, run.status(), run.err());
            assertEquals(0, results(run).size(), run.out());
            assertTrue(run.err().startsWith("stdin"), run.err());
            assertTrue(run.err().contains("1 case: 0 evaluated, 1 rejected"), run.err());
            assertNoStackTrace(run);
        }
    }

    @Test
    void aLineOf200MBBetweenTwoGoodLinesIsRejectedAndTheOthersEvaluated() {
        InputStream in = new SequenceInputStream(Collections.enumeration(List.of(
                text(SKIN + "\n{\"id\": \""), repeated((byte) 'a', 200_000_000), text("\", \"tumor\": {\"type\": \"LUNG\"}}\n" + LUNG + "\n"))));
        Cli.Run run = evaluate(in, "-");
        assertEquals(1, run.status(), run.err());
        assertEquals(2, results(run).size(), run.out());
        assertTrue(run.err().contains("stdin:2: $: the line is 200000037 bytes long, over the limit of "
                + CaseReader.MAX_CASE_BYTES + " bytes for one case"), run.err());
        assertTrue(run.err().contains("3 cases: 2 evaluated, 1 rejected"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void aJsonArrayIsReadOneCaseAtATime(@TempDir Path tmp) throws Exception {
        // two cases, then 4 GiB that no one could hold in memory (a sparse file of zero bytes)
        Path file = tmp.resolve("huge.json");
        Files.writeString(file, "[" + LUNG + ",\n " + SKIN + ",\n ");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(4L << 30);
        }
        CaseSources sources = new CaseSources(new CaseReader(), List.of(file.toString()), InputStream.nullInputStream());
        List<CaseInput> read = new ArrayList<>();
        sources.forEachRemaining(read::add);
        assertEquals(3, read.size(), read.toString());
        assertTrue(read.get(0) instanceof CaseInput.Valid && read.get(1) instanceof CaseInput.Valid, read.toString());
        CaseInput.Rejected rest = (CaseInput.Rejected) read.get(2);
        assertTrue(rest.message().startsWith(file + ": $[2]: not valid JSON: "), rest.message());
        assertTrue(rest.message().contains("the cases before it were read, the rest of the file is not (line 3, column "), rest.message());

        Cli.Run run = evaluate(null, file.toString());
        assertEquals(2, results(run).size(), run.out());
        assertTrue(run.err().contains("3 cases: 2 evaluated, 1 rejected"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void aCaseOverTheLimitInAnArrayIsRejectedByNameAndTheOthersEvaluated(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("batch.json");
        String big = "{\"description\": \"" + "x".repeat(CaseReader.MAX_CASE_BYTES) + "\", \"tumor\": {\"type\": \"LUNG\"}}";
        Files.writeString(file, "[\n  " + LUNG + ",\n  " + big + ",\n  " + SKIN + "\n]\n");
        Cli.Run run = evaluate(null, file.toString());
        assertEquals(1, run.status(), run.err());
        assertEquals(2, results(run).size(), run.out());
        assertTrue(run.err().contains(file + "[1]: $[1]: the case is " + big.length() + " bytes, over the limit of "
                + CaseReader.MAX_CASE_BYTES + " bytes for one case (a case is a few KB); skipped, reading goes on (line 3, column 3)"),
                run.err());
        assertNoStackTrace(run);
    }

    @Test
    void aOneCaseDocumentOverTheLimitIsRefusedUnread(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("one.json");
        Files.writeString(file, "{\"tumor\": {\"type\": \"LUNG\"}, \"description\": \"" + "x".repeat(CaseReader.MAX_CASE_BYTES) + "\"}");
        Cli.Run run = evaluate(null, file.toString());
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains(file + ": $: the document is " + Files.size(file) + " bytes, over the limit of "), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void aStreamedArrayNamesEachProblemByPathAndLineAsTheWholeDocumentDoes(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("batch.json");
        Files.writeString(file, "\uFEFF[\n  " + LUNG + ",\n  {\"tumor\": {\"typ\": \"SKIN\", \"depthCm\": \"deep\"}},\n  7, {\"tumor\":\n"
                + "{\"type\": \"LUNG\"}, \"bogus\": 1}, [], \"x\"\n]");
        CaseReader reader = new CaseReader();
        List<String> whole = reader.readDocument(file.toString(), "batch", Files.readAllBytes(file), 0).cases().stream()
                .filter(c -> c instanceof CaseInput.Rejected).map(c -> ((CaseInput.Rejected) c).message()).toList();
        List<String> streamed = new ArrayList<>();
        new CaseSources(reader, List.of(file.toString()), InputStream.nullInputStream()).forEachRemaining(c -> {
            if (c instanceof CaseInput.Rejected r) streamed.add(r.message());
        });
        assertEquals(5, streamed.size(), streamed.toString());
        assertEquals(whole, streamed);
        assertTrue(streamed.get(0).contains("(line 3, column"), streamed.get(0));
        assertTrue(streamed.get(2).contains("$[3].bogus") && streamed.get(2).contains("(line 5, column"), streamed.get(2));
    }

    @Test
    void everyFolderEntryThatIsNotEvaluatedIsNamedAndNoneBlocks(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a-good.json"), LUNG);
        Files.createSymbolicLink(dir.resolve("b-loop.json"), dir.resolve("c-loop.json"));
        Files.createSymbolicLink(dir.resolve("c-loop.json"), dir.resolve("b-loop.json"));
        Files.createSymbolicLink(dir.resolve("d-dangling.json"), dir.resolve("nonexistent"));
        Files.createDirectory(dir.resolve("e-dir.json"));
        Files.createSymbolicLink(dir.resolve("f-sub.ndjson"), dir.resolve("nowhere"));
        for (String fifo : List.of("g-fifo.json", "h-fifo.ndjson")) {
            assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve(fifo).toString()).start().waitFor());
        }
        Files.writeString(dir.resolve("README.md"), "notes");
        Files.createDirectory(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("self"), dir);

        Cli.Run run = evaluate(null, dir.toString());
        assertEquals(1, run.status(), run.err());
        assertEquals(1, results(run).size(), run.out());
        String err = run.err();
        assertTrue(err.contains(dir.resolve("b-loop.json") + ": a symbolic link loop, not a case file"), err);
        assertTrue(err.contains(dir.resolve("c-loop.json") + ": a symbolic link loop, not a case file"), err);
        assertTrue(err.contains(dir.resolve("d-dangling.json") + ": a symbolic link to a missing file, not a case file"), err);
        assertTrue(err.contains(dir.resolve("e-dir.json") + ": a folder, not a case file"), err);
        assertTrue(err.contains(dir.resolve("f-sub.ndjson") + ": a symbolic link to a missing file"), err);
        assertTrue(err.contains(dir.resolve("g-fifo.json") + ": a named pipe, not a case file"), err);
        assertTrue(err.contains(dir.resolve("h-fifo.ndjson") + ": a named pipe, not a case file"), err);
        assertTrue(err.contains("nanoguide: " + dir.resolve("README.md") + ": not read: not a .json, .ndjson or .csv file"), err);
        assertTrue(err.contains("nanoguide: " + dir.resolve("sub") + ": not read: a folder (folders inside a folder are not read)"), err);
        assertTrue(err.contains("nanoguide: " + dir.resolve("self") + ": not read: a folder"), err);
        assertTrue(err.contains("8 cases: 1 evaluated, 7 rejected"), err);
        assertNoStackTrace(run);
    }

    @Test
    void anIdMustBePrintableTextOnOneLine(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("ids.ndjson");
        Files.writeString(file, String.join("\n",
                "{\"id\": \"forge\\n### Recommended\", \"tumor\": {\"type\": \"LUNG\"}}",
                "{\"id\": \"esc\\u001b[2J\", \"tumor\": {\"type\": \"LUNG\"}}",
                "{\"id\": \"rtl\\u202Eexe.txt\", \"tumor\": {\"type\": \"LUNG\"}}",
                "{\"id\": \"Müller – 肺 #2\", \"tumor\": {\"type\": \"LUNG\"}}") + "\n");
        Cli.Run run = evaluate(null, file.toString());
        assertEquals(1, results(run).size(), run.out());
        assertTrue(results(run).get(0).contains("\"caseId\":\"Müller – 肺 #2\""), run.out());
        for (int line = 1; line <= 3; line++) {
            assertTrue(run.err().contains(file + ":" + line + ": $.id: must be printable text on one line"), run.err());
        }
    }
}
