package org.nanoguide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;

/** Usage errors through the real command line: picocli's message, a guess, the way to help, exit 2. */
class UsageErrorsTest {

    private static Cli.Run usageError(String... args) {
        Cli.Run r = Cli.run(args);
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("--help' for more information."), r.err());
        assertFalse(r.err().contains("Usage:"), "one error, not the whole usage: " + r.err());
        return r;
    }

    @Test
    void aMisspeltOptionGetsTheNearestName() {
        assertTrue(usageError("evaluate", "--fromat", "json", "x.json").err().contains("Did you mean --format?"));
        assertTrue(usageError("evaluate", "--thread", "2", "x.json").err().contains("Did you mean --threads?"));
        assertTrue(usageError("chek").err().contains("Did you mean check?"));
    }

    @Test
    void aRuleFileGivenForTheRulesFolderIsNamedAsAFileNotAsMissing() {
        String file = TestKb.RULES.resolve("products.tsv").toString();
        Cli.Run r = Cli.run("evaluate", "--rules", file, "x.json");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("rules folder is a file, not a folder of .drl files: " + file), r.err());
        assertFalse(r.err().contains("not found"), r.err());
    }

    @Test
    void aMisspeltFormatGetsTheNearestValue() {
        Cli.Run r = usageError("evaluate", "--format", "jsno", "x.json");
        assertTrue(r.err().contains("Invalid value for option '--format'"), r.err());
        assertTrue(r.err().contains("Did you mean json?"), r.err());
        assertFalse(usageError("evaluate", "--format", "pdf", "x.json").err().contains("Did you mean"), "nothing is near pdf");
    }

    @Test
    void formatNamesInAnyCase() {
        String one = TestKb.CASES.toString();
        Cli.Run upper = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), "--format", "NDJSON", one);
        Cli.Run lower = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), "--format", "ndjson", one);
        assertEquals(0, upper.status(), upper.err());
        assertEquals(lower.out(), upper.out());
    }

    @Test
    void numbersOutOfRangeAreUsageErrorsNamingTheOption() {
        for (List<String> args : List.of(List.of("evaluate", "--max-firings", "0", "x.json"), List.of("evaluate", "--threads", "0", "x.json"),
                List.of("generate", "--count", "-1"), List.of("serve", "--port", "70000"))) {
            Cli.Run r = usageError(args.toArray(String[]::new));
            assertTrue(r.err().startsWith("nanoguide " + args.get(0) + ": " + (args.get(0).equals("serve") ? "port" : args.get(1))), r.err());
        }
    }

    @Test
    void theNearestWordsWinAndCaseIsIgnored() {
        assertEquals(List.of("--format"), UsageErrors.nearest("--fromat", List.of("--format", "--trace", "--threads")));
        assertEquals(List.of("json"), UsageErrors.nearest("JSNO", List.of("text", "json", "ndjson")));
        assertEquals(List.of(), UsageErrors.nearest("pdf", List.of("text", "json", "ndjson")));
    }
}
