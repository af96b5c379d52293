package org.nanoguide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;

/**
 * The mistakes a newcomer makes with input, through the real command line: each gets one line
 * that says what was found and what to do, exits 1, and never costs the other cases.
 */
class InputMistakesTest {
    private static final String GOOD = EvaluateCommandTest.GOOD;

    private static Cli.Run evaluate(String stdin, String... paths) {
        String[] args = new String[paths.length + 3];
        args[0] = "evaluate";
        args[1] = "--rules";
        args[2] = TestKb.RULES.toString();
        System.arraycopy(paths, 0, args, 3, paths.length);
        return Cli.withStdin(stdin, args);
    }

    /** The error lines, without the summary. */
    private static java.util.List<String> errors(Cli.Run run) {
        return run.err().lines().filter(l -> !l.startsWith("nanoguide: ")).toList();
    }

    /**
     * A file saved as UTF-16 (Windows' "Unicode") or UTF-32: Jackson would read a .json file of it
     * silently, and an .ndjson file split its line breaks into a stray zero byte; the service
     * refuses such bodies, and so does the command line, naming the file, before reading a case.
     */
    @Test
    void textInUtf16OrUtf32IsRejectedByNameAndTheOtherInputsEvaluated(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a-bom.json"), GOOD.getBytes(java.nio.charset.StandardCharsets.UTF_16)); // with its byte order mark
        Files.write(dir.resolve("b-le.ndjson"), (GOOD + "\n" + GOOD + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("c.csv"), "tumor.type\nLUNG\n".getBytes(java.nio.charset.Charset.forName("UTF-32BE")));
        Files.writeString(dir.resolve("d-good.json"), GOOD);
        Cli.Run run = evaluate(null, "--format", "ndjson", dir.toString());
        assertEquals(1, run.status(), run.err());
        assertEquals(1, run.out().lines().count(), "only the UTF-8 file is evaluated: " + run.out());
        for (String name : new String[] {"a-bom.json", "b-le.ndjson", "c.csv"}) {
            assertTrue(run.err().contains(name + ": not UTF-8 (it starts with a zero byte or a UTF-16 byte order mark: UTF-16 or UTF-32?); "
                    + "save it as UTF-8"), run.err());
        }
        assertTrue(run.err().contains("4 cases: 1 evaluated, 3 rejected"), run.err());
        Cli.Run stdin = Cli.withStdin(new java.io.ByteArrayInputStream(GOOD.getBytes(java.nio.charset.StandardCharsets.UTF_16LE)),
                "evaluate", "--rules", TestKb.RULES.toString(), "--format", "ndjson", "-");
        assertEquals(1, stdin.status(), stdin.err());
        assertEquals("", stdin.out());
        assertTrue(stdin.err().contains("stdin: not UTF-8 (it starts with a zero byte"), stdin.err());
        assertTrue(stdin.err().contains("1 case: 0 evaluated, 1 rejected"), stdin.err());
    }

    @Test
    void emptyInputIsAnErrorThatSaysWhatWasExpected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("empty.json"), "");
        Files.writeString(dir.resolve("empty.ndjson"), "\n\n");
        Files.createDirectory(dir.resolve("nothing"));
        for (String path : new String[] {"empty.json", "empty.ndjson", "nothing"}) {
            Cli.Run run = evaluate(null, dir.resolve(path).toString());
            assertEquals(1, run.status(), path + ": " + run.err());
            assertEquals(1, errors(run).size(), run.err());
            assertTrue(errors(run).get(0).contains("expected"), run.err());
        }
        Cli.Run stdin = evaluate("", "-");
        assertEquals(1, stdin.status(), stdin.err());
        assertTrue(stdin.err().startsWith("stdin: empty input: expected NDJSON, one case object a line"), stdin.err());
    }

    @Test
    void aPrettyPrintedCaseOnStandardInputIsOneErrorWithTheFix() throws Exception {
        String pretty = org.nanoguide.render.JsonRenderer.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(org.nanoguide.render.JsonRenderer.mapper().readTree(GOOD));
        assertTrue(pretty.lines().count() > 3, pretty);
        Cli.Run run = evaluate(pretty, "-");
        assertEquals(1, run.status(), run.err());
        assertEquals(1, errors(run).size(), run.err());
        assertTrue(errors(run).get(0).startsWith("stdin: not NDJSON: line 1 (`{`) opens a case that goes on over the next lines"), run.err());
        assertTrue(errors(run).get(0).endsWith("standard input is read as NDJSON, one case per line; "
                + "to evaluate a pretty-printed file, pass its path"), run.err());
        assertTrue(run.err().contains("1 case: 0 evaluated, 1 rejected"), run.err());
    }

    @Test
    void csvOnStandardInputWithHeadersThatAreNotCasePathsIsOneRejectionNamingTheFix() {
        Cli.Run run = evaluate("id,type,depth\n1,LUNG,2\n2,SKIN,0.4\n", "-");
        assertEquals(1, run.status(), run.err());
        assertEquals(java.util.List.of("stdin: row 1, column 2 (type): unknown column \"type\": did you mean \"tumor.type\"?",
                "stdin: row 1, column 3 (depth): unknown column \"depth\": did you mean \"tumor.depthCm\"?"), errors(run));
        assertTrue(run.err().contains("1 case: 0 evaluated, 1 rejected"), run.err());
    }

    @Test
    void aBadFirstLineOfRealNdjsonCostsOnlyThatLine() {
        Cli.Run run = evaluate("{\"tumor\": {\"type\":\n" + GOOD + "\n" + GOOD + "\n", "--format", "ndjson", "-");
        assertEquals(1, run.status(), run.err());
        assertEquals(2, run.out().strip().split("\n").length, run.out());
        assertTrue(errors(run).get(0).startsWith("stdin:1: $: not valid JSON"), run.err());
        assertTrue(run.err().contains("3 cases: 2 evaluated, 1 rejected"), run.err());
    }

    @Test
    void aCsvFileWithABadHeaderIsOneLineAndTheOtherCasesAreStillEvaluated(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("cohort.csv");
        Files.writeString(csv, "id,type\n1,LUNG\n");
        Path good = dir.resolve("good.json");
        Files.writeString(good, GOOD);
        Cli.Run run = evaluate(null, "--format", "ndjson", csv.toString(), good.toString());
        assertEquals(1, run.status(), run.err());
        assertEquals(1, run.out().strip().split("\n").length, "the good case is evaluated: " + run.out());
        assertEquals(1, errors(run).size(), run.err());
        assertEquals(csv + ": row 1, column 2 (type): unknown column \"type\": did you mean \"tumor.type\"?", errors(run).get(0));
        assertFalse(run.err().contains("Unrecognized token"), "no raw parser text: " + run.err());
    }

    @Test
    void anInvalidCaseListsAllItsProblems(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"tumor\": {\"type\": \"BREAST\", \"receptors\": {\"ER\": \"POSITIVE\"}},\n"
                + " \"therapy\": {\"plannedDrugs\": \"DOXORUBICIN\"}}");
        Cli.Run run = evaluate(null, bad.toString());
        assertEquals(1, run.status(), run.err());
        assertEquals(2, errors(run).size(), run.err());
        assertTrue(errors(run).get(0).startsWith(bad + ": $.tumor.receptors.ER: the case format does not model \"ER\""), run.err());
        assertTrue(errors(run).get(1).startsWith(bad + ": $.therapy.plannedDrugs: "), run.err());
        assertTrue(run.err().contains("1 case: 0 evaluated, 1 rejected"), run.err());
    }

    @Test
    void anEmptyRulesFolderIsOneLineNotACompileError(@TempDir Path tmp) throws Exception {
        Path good = Files.writeString(tmp.resolve("good.json"), GOOD);
        Path dir = Files.createDirectory(tmp.resolve("no-rules"));
        for (String command : new String[] {"evaluate", "check", "rules"}) {
            Cli.Run run = command.equals("evaluate")
                    ? Cli.run(command, "--rules", dir.toString(), good.toString())
                    : Cli.run(command, "--rules", dir.toString());
            assertEquals(2, run.status(), command + ": " + run.err());
            assertEquals("nanoguide: no .drl files in " + dir + ": --rules wants the folder of rule files, such as rules/",
                    run.err().strip(), command);
            assertFalse(run.out().contains("compile"), run.out());
        }
    }
}
