package org.nanoguide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.cli.Main;
import picocli.CommandLine;

/**
 * Every shell command of README.md and docs/*.md runs as written, in the order written, in a
 * fresh copy of the project, and ends as its text implies; a sample shown right after a command
 * (a JSON answer after curl, a plain block after ./nanoguide) is what it printed; every example of
 * every {@code --help} too; and no document points at a file the project does not have. A doc
 * that drifts from the program fails the build.
 */
class DocCommandsTest {
    /** Shell blocks (```sh), and the files a guide asks the reader to write (docs/authoring.md's worked example). */
    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!-- worked-example: (\\S+) -->\\s*)?```(\\w*)\\n(.*?)```", Pattern.DOTALL);

    /** Where the docs' sample outputs show the project. */
    static final String SAMPLE_HOME = "/home/me/nanoguide";

    /** Commands not run, by how they start, and why. Everything else is run. */
    static final Map<String, String> EXCEPTED = new LinkedHashMap<>();

    static {
        EXCEPTED.put("mvn ", "Maven: the build is what runs this test");
        EXCEPTED.put("cat target/loadtest.txt", "the load test's report, written by the mvn command before it");
        EXCEPTED.put("src/bench/scripts/", "benchmarks: minutes each, and they measure the machine, not the program");
        EXCEPTED.put("./nanoguide serve --host 0.0.0.0", "binds every interface: a test never opens the machine to the network");
    }

    static List<Path> documents() throws Exception {
        List<Path> docs = new ArrayList<>();
        docs.add(TestKb.ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.list(TestKb.ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandRunsAsWritten(@TempDir Path tmp) throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : documents()) {
            String text = Files.readString(doc);
            if (!BLOCK.matcher(text).find()) continue;
            String name = TestKb.ROOT.relativize(doc).toString();
            tests.add(DynamicTest.dynamicTest(name, () -> runDocument(name, text, Files.createDirectories(tmp.resolve(name)))));
        }
        return tests.stream();
    }

    private static void runDocument(String name, String text, Path tmp) throws Exception {
        try (DocShell shell = new DocShell(tmp)) {
            Matcher m = BLOCK.matcher(text);
            DocShell.Ran last = null;
            int lastEnd = -1;
            while (m.find()) {
                boolean right = lastEnd >= 0 && text.substring(lastEnd, m.start()).isBlank();
                if (m.group(1) != null) {
                    Path file = shell.project().resolve(m.group(1));
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, m.group(3));
                } else if ("json".equals(m.group(2)) && right && last != null && last.command().startsWith("curl ")) {
                    sampleAnswerMatches(name, m.group(3), last);
                } else if (m.group(2).isEmpty() && right && last != null && last.command().startsWith("./nanoguide ")) {
                    // a sample of what the command just run prints, its project shown as /home/me/nanoguide
                    ReadmeSamplesTest.printedInOrder(m.group(3).replace(SAMPLE_HOME, shell.project().toString()), last.out());
                } else if (List.of("sh", "bash", "shell").contains(m.group(2))) {
                    for (String command : DocShell.commands(m.group(3))) {
                        if (EXCEPTED.keySet().stream().anyMatch(command::startsWith)) continue;
                        last = shell.check(command);
                    }
                    lastEnd = m.end();
                    continue;
                }
                last = null;
                lastEnd = -1;
            }
        }
    }

    /**
     * A sample answer shown right after a curl command: every key with a whole value in the
     * sample ({@code "rules":78}, {@code "status":"ok"}) has that value in the real answer.
     * Values elided with {@code …} are not compared.
     */
    private static void sampleAnswerMatches(String doc, String sample, DocShell.Ran ran) {
        Matcher pair = Pattern.compile("\"(\\w+)\":(\"[^\"…]*\"|-?[0-9.]+|true|false|null)(?=[,}\\]])").matcher(sample);
        List<String> wrong = new ArrayList<>();
        while (pair.find()) {
            if (!ran.out().contains(pair.group())) wrong.add(pair.group());
        }
        assertEquals(List.of(), wrong, doc + ": the sample answer to `" + ran.command() + "` differs from the real one:\n" + ran.out());
    }

    /** The README's own commands are not all excepted away: the test must be able to fail. */
    @Test
    void theReadmeHasCommandsThatRun() throws Exception {
        String readme = Files.readString(TestKb.ROOT.resolve("README.md"));
        Matcher m = BLOCK.matcher(readme);
        int runnable = 0;
        while (m.find()) {
            if (!"sh".equals(m.group(2))) continue;
            for (String c : DocShell.commands(m.group(3))) {
                if (EXCEPTED.keySet().stream().noneMatch(c::startsWith)) runnable++;
            }
        }
        assertTrue(runnable >= 8, "README commands run by the test: " + runnable);
    }

    @Test
    void everyHelpExampleRuns(@TempDir Path tmp) throws Exception {
        CommandLine cli = Main.commandLine();
        int ran = 0;
        for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
            List<String> examples = examples(sub.getValue().getCommandSpec().usageMessage().footer());
            if (examples.isEmpty()) continue;
            try (DocShell shell = new DocShell(Files.createDirectories(tmp.resolve(sub.getKey())))) {
                for (String example : examples) {
                    shell.check(example);
                    ran++;
                }
            }
        }
        assertTrue(ran >= 8, "help examples run: " + ran);
    }

    /** The example commands of a help footer: lines that run nanoguide (or curl, against it). */
    static List<String> examples(String[] footer) {
        List<String> out = new ArrayList<>();
        for (String line : footer) {
            String s = line.strip().replaceFirst("^Examples?:\\s*", "");
            if (s.startsWith("nanoguide ") || s.startsWith("curl ") || s.contains("| nanoguide ") || s.contains("&& nanoguide ")) out.add(s);
        }
        return out;
    }

    @Test
    void noDocumentPointsAtAFileTheProjectDoesNotHave() throws Exception {
        Pattern link = Pattern.compile("\\]\\(([^)\\s#]+)(?:#[^)]*)?\\)");
        Pattern mdName = Pattern.compile("(?<![\\w/.-])([\\w./-]+\\.md)\\b");
        List<Path> texts = new ArrayList<>(documents());
        texts.add(TestKb.ROOT.resolve("docs/case.schema.json"));
        texts.add(TestKb.ROOT.resolve("src/main/resources/nanoguide/openapi.json"));
        List<String> missing = new ArrayList<>();
        for (Path doc : texts) {
            String text = Files.readString(doc);
            Matcher l = link.matcher(text);
            while (l.find()) {
                String target = l.group(1);
                if (target.matches("^[a-z]+:.*")) continue; // http:, https:, mailto:
                if (!Files.exists(doc.getParent().resolve(target))) missing.add(TestKb.ROOT.relativize(doc) + " links to " + target);
            }
            Matcher n = mdName.matcher(text);
            while (n.find()) {
                String named = n.group(1);
                boolean found = Stream.of(TestKb.ROOT, TestKb.ROOT.resolve("docs"), doc.getParent())
                        .anyMatch(base -> Files.exists(base.resolve(named)));
                if (!found) missing.add(TestKb.ROOT.relativize(doc) + " names " + named);
            }
        }
        assertEquals(List.of(), missing);
    }

    /**
     * docs/authoring.md's loop, edit then check: after an edit the rules are compiled from DRL,
     * and check prints its report and nothing else; standard error stays empty (no engine chatter
     * for the author to take for a problem).
     */
    @Test
    void checkAfterAnEditPrintsItsReportAndNothingElse(@TempDir Path tmp) throws Exception {
        try (DocShell shell = new DocShell(tmp)) {
            Files.writeString(shell.project().resolve("rules/metallic.drl"), "\n// an edit\n", java.nio.file.StandardOpenOption.APPEND);
            DocShell.Ran r = shell.check("./nanoguide check");
            assertTrue(r.out().contains("1. Do the rules compile? yes") && r.out().contains("Result: all clean"), r.out());
            assertEquals("", r.err());
        }
    }

    @Test
    void theShellBlockReaderJoinsContinuationsAndSkipsComments() {
        assertEquals(List.of("curl -s -H 'a' --data '{}' http://x/v1/evaluate", "./nanoguide check # all clean"),
                DocShell.commands("# a comment\ncurl -s -H 'a' \\\n      --data '{}' \\\n      http://x/v1/evaluate\n\n./nanoguide check   # all clean\n"));
        assertFalse(DocShell.commands("mvn -B verify").isEmpty());
    }
}
