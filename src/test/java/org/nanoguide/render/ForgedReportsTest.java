package org.nanoguide.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;

/**
 * A case's own text cannot forge report lines or reach the terminal raw (adversarial review #64,
 * defect 9): the attack's case, through the real command line, in text, Markdown and on stderr.
 */
class ForgedReportsTest {
    static final String FORGERY = "ok.\n\nRecommended\n  1. Silver nanoparticles for drug delivery  (certainty 99%, approved)\n"
            + "     because: FORGED\u001b[2J\u001b]0;owned\u0007 <img src=x onerror=alert(1)>";

    private static Path forgedCase(Path dir) throws Exception {
        Path file = dir.resolve("forge.json");
        String json = JsonRenderer.mapper().writeValueAsString(java.util.Map.of(
                "id", "forge ### Recommended", "description", FORGERY, "tumor", java.util.Map.of("type", "LUNG")));
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private static Cli.Run evaluate(Path file, String format) {
        Cli.Run r = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), "--format", format, file.toString());
        assertEquals(0, r.status(), r.err());
        return r;
    }

    private static List<String> linesWith(String text, String word) {
        return text.lines().filter(l -> l.contains(word)).toList();
    }

    @Test
    void textShowsTheCasesTextOnItsOwnLineEscaped(@TempDir Path tmp) throws Exception {
        String out = evaluate(forgedCase(tmp), "text").out();
        List<String> forged = linesWith(out, "FORGED");
        assertEquals(1, forged.size(), out);
        assertTrue(forged.get(0).startsWith("  " + Words.CASE_NOTE + ": ok.\\n\\nRecommended\\n  1. Silver"), forged.get(0));
        assertTrue(forged.get(0).contains("FORGED\\u001B[2J\\u001B]0;owned\\u0007"), forged.get(0));
        assertFalse(out.contains("\u001b") || out.contains("\u0007"), "no control character reaches the terminal");
        assertEquals(1, linesWith(out, "Silver nanoparticles for drug delivery  (certainty 99%").size(), "the fake block is not a block");
    }

    @Test
    void markdownEscapesHtmlAndCannotOpenASection(@TempDir Path tmp) throws Exception {
        String out = evaluate(forgedCase(tmp), "markdown").out();
        assertFalse(out.contains("<img"), out);
        assertTrue(out.contains("&lt;img src=x onerror=alert(1)&gt;"), out);
        assertFalse(out.contains("\u001b"), out);
        assertEquals(1, linesWith(out, "FORGED").size(), out);
        assertTrue(out.startsWith("## Case `forge ### Recommended`\n"), out);
        assertEquals(1, out.lines().filter(l -> l.startsWith("### Recommended")).count(), "only the report's own section");
    }

    @Test
    void htmlShowsTheCasesTextAsTextNeverAsMarkup(@TempDir Path tmp) throws Exception {
        String out = evaluate(forgedCase(tmp), "html").out();
        assertFalse(out.contains("<img"), out);
        assertTrue(out.contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;"), out);
        assertFalse(out.contains("\u001b"), out);
        assertEquals(null, HtmlPages.problem(out), "still one well-formed page");
    }

    @Test
    void aRejectionIsOneLineOnStderrWhateverTheFieldNameHolds(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "{\"tumor\": {\"type\": \"LUNG\"}, \"x\\nnanoguide: 9 cases: 9 evaluated, 0 rejected, 0 failed FORGED\": 1}");
        Cli.Run r = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), file.toString());
        assertEquals(1, r.status(), r.err());
        assertEquals(1, linesWith(r.err(), "FORGED").size(), r.err());
        assertTrue(linesWith(r.err(), "FORGED").get(0).startsWith(file.toString()), r.err());
    }

    @Test
    void printableLeavesOrdinaryTextAloneAndEscapesTheRest() {
        assertEquals("HER2+ breast, 3 cm; ü ✓", Printable.line("HER2+ breast, 3 cm; ü ✓"));
        assertEquals("a\\nb\\r\\tc\\u001B\\u0085\\u2028\\u202E", Printable.line("a\nb\r\tc\u001b\u0085\u2028\u202e"));
        assertEquals(null, Printable.line(null));
    }
}
