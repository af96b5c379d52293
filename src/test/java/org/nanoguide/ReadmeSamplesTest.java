package org.nanoguide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nanoguide.cli.Cli;
import org.nanoguide.model.CaseInput;

/**
 * The README's sample output and sample error message are what the program prints today: when
 * the rules or the messages change, this fails and shows the text to paste.
 */
class ReadmeSamplesTest {
    private static String readme() throws Exception {
        return Files.readString(TestKb.ROOT.resolve("README.md"));
    }

    /** The fenced block after the first line of the README that contains {@code marker}. */
    private static String blockAfter(String text, String marker) {
        int at = text.indexOf(marker);
        assertTrue(at >= 0, "the README says: " + marker);
        Matcher m = Pattern.compile("```\\w*\\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertTrue(m.find(at), "a block follows " + marker);
        return m.group(1);
    }

    @Test
    void theSampleOutputIsWhatEvaluatePrints() throws Exception {
        String text = readme();
        Matcher cmd = Pattern.compile("`\\./nanoguide evaluate (cases/[\\w.-]+\\.json)` \\(shortened").matcher(text);
        assertTrue(cmd.find(), "the sample names its command");
        String sample = blockAfter(text, cmd.group());
        Cli.Run run = Cli.run("evaluate", TestKb.ROOT.resolve(cmd.group(1)).toString());
        assertEquals(0, run.status(), run.err());
        printedInOrder(sample, run.out());
    }

    @Test
    void theWhyNotSampleIsWhatRulesPrints() throws Exception {
        String text = readme();
        Matcher cmd = Pattern.compile("`\\./nanoguide rules ([\\w-]+) --why-not (cases/[\\w.-]+\\.json)` \\(shortened").matcher(text);
        assertTrue(cmd.find(), "the why-not sample names its command");
        Cli.Run run = Cli.run("rules", "--rules", TestKb.RULES.toString(), cmd.group(1), "--why-not", TestKb.ROOT.resolve(cmd.group(2)).toString());
        assertEquals(0, run.status(), run.err());
        printedInOrder(blockAfter(text, cmd.group()), run.out());
    }

    /** Every line of the sample is printed, in order; {@code ...} alone on a line skips any lines. */
    static void printedInOrder(String sample, String out) {
        List<String> actual = out.lines().toList();
        int from = 0;
        for (String line : sample.lines().toList()) {
            if (line.strip().equals("...")) continue;
            Pattern want = pattern(line);
            int found = -1;
            for (int i = from; i < actual.size() && found < 0; i++) {
                if (want.matcher(actual.get(i)).matches()) found = i;
            }
            final int f = from;
            assertTrue(found >= 0, () -> "the README's sample line\n  " + line + "\nis not printed (in order); the output from there on:\n"
                    + String.join("\n", actual.subList(Math.min(f, actual.size()), actual.size())));
            from = found + 1;
        }
    }

    /** A sample line as a pattern: {@code …} stands for any text, a trailing {@code ...} for the rest of the line. */
    private static Pattern pattern(String line) {
        String body = line.endsWith("...") ? line.substring(0, line.length() - 3) : line;
        StringBuilder re = new StringBuilder();
        for (String part : body.split("…", -1)) {
            if (re.length() > 0) re.append(".*");
            re.append(Pattern.quote(part));
        }
        if (line.endsWith("...")) re.append(".*");
        return Pattern.compile(re.toString());
    }

    /** The counts the README gives a newcomer (rules, catalogue rows, example cases) are the project's. */
    @Test
    void theCountsTheReadmeGivesAreTheProjects() throws Exception {
        String text = readme();
        Matcher kb = Pattern.compile("The knowledge base \\((\\d+) rules, and a catalogue of (\\d+) product indications\\)").matcher(text);
        assertTrue(kb.find(), "the README says how many rules and catalogue rows there are");
        assertEquals(TestKb.kb().ruleCount(), Integer.parseInt(kb.group(1)), "rules");
        assertEquals(TestKb.kb().products().size(), Integer.parseInt(kb.group(2)), "rows of rules/products.tsv");
        Matcher cases = Pattern.compile("`\\./nanoguide evaluate cases/` \\((\\d+) cases\\)").matcher(text);
        assertTrue(cases.find(), "the README says how many example cases there are");
        assertEquals(TestKb.exampleCases().size(), Integer.parseInt(cases.group(1)), "example cases in cases/");
    }

    @Test
    void theSampleErrorIsWhatTheReaderSaysForTheSampleCaseWithATypo() throws Exception {
        String text = readme();
        String sampleCase = blockAfter(text, "## The case format, in brief");
        String sampleError = blockAfter(text, "rejected with a").strip();
        String typo = sampleCase.replace("\"HER2\"", "\"her2 \"");
        List<CaseInput> read = Nanoguide.reader().readDocument("cases/x.json", "x", typo.getBytes(StandardCharsets.UTF_8), 0).cases();
        assertTrue(read.get(0) instanceof CaseInput.Rejected, "the sample case with a typo is rejected");
        assertEquals(sampleError, ((CaseInput.Rejected) read.get(0)).message());
        assertTrue(Nanoguide.reader().readDocument("cases/x.json", "x", sampleCase.getBytes(StandardCharsets.UTF_8), 0).cases()
                .get(0) instanceof CaseInput.Valid, "the sample case itself is valid");
    }
}
