package org.nanoguide.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;

/** The HTML case report, through the real command line over the real rules. */
class HtmlReportTest {
    private static final String HER2 = TestKb.CASES.resolve("breast-her2-cardiac-doxorubicin.json").toString();

    private static String html(String... paths) {
        Cli.Run run = Cli.evaluate("html", paths);
        assertEquals(0, run.status(), run.err());
        return run.out();
    }

    @Test
    void theBottomLineComesFirstWithTheFirstOptionItsCautionAndTheSafetyWarning() {
        String page = html(HER2);
        assertNull(HtmlPages.problem(page), HtmlPages.problem(page));
        int bottom = page.indexOf("<h3>Bottom line</h3>");
        int understood = page.indexOf("<h3>What nanoguide understood</h3>");
        int findings = page.indexOf("<h3>Findings</h3>");
        int options = page.indexOf("<h3>Recommended</h3>");
        assertTrue(bottom > 0 && bottom < understood && understood < findings && findings < options, "bottom line, inputs, findings, options");
        String line = page.substring(bottom, understood);
        assertTrue(line.contains("<strong>PEGylated liposomes for drug delivery, relying on passive EPR accumulation</strong>"), line);
        assertTrue(line.contains("product: Caelyx"), line);
        assertTrue(line.contains("approved for this indication"), line);
        assertTrue(line.contains("Caution: Still an anthracycline"), "the strongest caution: " + line);
        assertTrue(line.contains("class=\"safety\"") && line.contains("Cardiac risk with an anthracycline planned"), line);
        assertTrue(line.contains("certainty 96%, <em>strong support</em>"), line);
        assertTrue(line.contains("not a probability that the treatment works"), "the scale says what it means");
    }

    @Test
    void itShowsTheInputsItUsedUnknownsAndDefaults(@TempDir Path tmp) throws Exception {
        String page = html(HER2);
        assertTrue(page.contains("<tr><td><code>tumor.receptors.HER2</code></td><td>POSITIVE</td></tr>"), page);
        String unknowns = page.substring(page.indexOf("<p class=\"unknowns\">"));
        assertTrue(unknowns.substring(0, unknowns.indexOf("</p>")).contains("tumor.metastatic"), unknowns);
        Path bare = tmp.resolve("bare.json");
        Files.writeString(bare, "{\"id\": \"bare\", \"description\": \"HER2-positive, cardiac risk\", \"tumor\": {\"type\": \"BREAST\"}}");
        String minimal = html(bare.toString());
        assertTrue(minimal.contains("<code>constraints.evidence</code></td><td>INVESTIGATIONAL <em>(default"), minimal);
        assertFalse(minimal.contains("<code>tumor.receptors.HER2</code></td><td>POSITIVE"), "the description is not read as data");
        assertTrue(minimal.contains("free text, not read by the rules): HER2-positive, cardiac risk"), minimal);
    }

    @Test
    void reasonsAgainstAndCautionsAreToldApartAndFindingsShown() {
        String page = html(HER2);
        assertTrue(page.contains("<ul class=\"reasons\"><li><span class=\"mark\">+</span>"), page);
        assertTrue(page.contains("<ul class=\"cautions\"><li><span class=\"mark\">!</span> Caution:"), page);
        assertTrue(page.contains("<ul class=\"findings\"><li>Leaky tumor vessels"), page);
    }

    @Test
    void everyCitedReferenceLinksToTheReviewsBibliography() {
        String page = html(HER2);
        assertTrue(page.contains("review 2.1 [<a href=\"#c1-ref-11\""), page);
        assertTrue(page.contains("<li id=\"c1-ref-11\" value=\"11\">Mirza, Z., &amp; Karim, S. (2021, February)."), page);
        assertTrue(page.contains("In <em>Seminars in cancer biology</em>"), "the review's titles in italics");
    }

    @Test
    void theGraphGoesFromFactsThroughFindingsToOptionsEachEdgeNamingItsRule() {
        String page = html(HER2);
        String graph = page.substring(page.indexOf("<svg class=\"reasoning\""), page.indexOf("</svg>", page.indexOf("<svg class=\"reasoning\"")));
        assertTrue(graph.contains("<g class=\"node fact\"><title>Receptor: name&#61;HER2, status&#61;POSITIVE</title>"), graph);
        assertTrue(graph.contains("<g class=\"node finding\"><title>Leaky tumor vessels"), graph);
        assertTrue(graph.contains("<g class=\"node option\"><title>2. PEGylated liposomes for drug delivery, targeted with anti-HER2 antibody"), graph);
        assertTrue(graph.contains("<g class=\"node excluded\">"), graph);
        assertTrue(graph.contains(">her2-antibody-targeting</text>"), "the HER2 edge names its rule: " + graph);
        assertTrue(graph.contains(">finding-epr-favourable</text>"), graph);
        assertFalse(page.contains("<h3>Trace</h3>"), "the trace table only with --trace");
    }

    @Test
    void severalCasesMakeOneWellFormedPageWithEveryLinkResolved() throws Exception {
        String page = html(TestKb.CASES.toString());
        assertNull(HtmlPages.problem(page), HtmlPages.problem(page));
        assertEquals(1, HtmlPages.count(page, "<!DOCTYPE html>"));
    }
}
