package org.nanoguide.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;

/** `--format html` over many cases: one page, the summary first, a row per case, the first reports in full. */
class CohortPageTest {
    private static Cli.Run html(String... more) {
        Cli.Run run = Cli.evaluate("html", more);
        assertEquals(0, run.status(), run.err());
        return run;
    }

    @Test
    void summaryFirstThenARowPerCaseThenTheFirstReportsInFull(@TempDir Path tmp) throws Exception {
        int n = HtmlFormat.FULL_REPORTS + 7;
        Cli.Run generated = Cli.run("generate", "--count", String.valueOf(n), "--seed", "19");
        assertEquals(0, generated.status(), generated.err());
        Path cohort = tmp.resolve("cohort.ndjson");
        Files.writeString(cohort, generated.out());
        String page = html(cohort.toString()).out();
        assertNull(HtmlPages.problem(page), HtmlPages.problem(page));
        int summary = page.indexOf("<h2>Summary of " + n + " cases</h2>");
        int table = page.indexOf("<table class=\"cases\">");
        int reports = page.indexOf("<section class=\"report\"");
        assertTrue(summary > 0 && summary < table && table < reports, "summary, table, reports");
        String charts = page.substring(summary, table);
        for (String title : new String[] {"First option, all cases", "Evidence of the first option", "Certainty of the first option",
                "Warnings (cases with each)", "Exclusions (cases excluding each)"}) {
            assertTrue(charts.contains("<figcaption>" + title), title);
        }
        assertTrue(HtmlPages.count(charts, "<svg class=\"chart\"") >= 6, "the overall charts and one per tumour type");
        assertEquals(n + 1, HtmlPages.count(page.substring(table, reports), "<tr>"), "the header and a row per case");
        assertEquals(HtmlFormat.FULL_REPORTS, HtmlPages.count(page, "<section class=\"report\""));
        assertTrue(page.contains("Full reports follow for the first " + HtmlFormat.FULL_REPORTS + " of the " + n + " cases only"), page);
        assertTrue(page.contains("<td>1</td><td><a href=\"#c1-case\">"), "a row links to its full report");
        assertTrue(page.contains("<td>" + n + "</td><td>gen-"), "a row past the reports has no link");
    }

    @Test
    void theCountsAreTheCasesCounts() {
        String page = html(TestKb.CASES.resolve("breast-her2-cardiac-doxorubicin.json").toString(),
                TestKb.CASES.resolve("breast-her2-approved-only.json").toString(),
                TestKb.CASES.resolve("gbm-deep-hyperthermia.json").toString()).out();
        assertNull(HtmlPages.problem(page), HtmlPages.problem(page));
        assertTrue(page.contains("<figcaption>BREAST (2 cases)</figcaption>"), page);
        assertTrue(page.contains("<figcaption>GLIOBLASTOMA (1 case)</figcaption>"), page);
        assertTrue(page.contains("<tr><td>1</td><td><a href=\"#c1-case\">breast-her2-cardiac-doxorubicin</a></td><td>BREAST</td>"
                + "<td>PEGylated liposomes for drug delivery, relying on passive EPR accumulation</td><td>approved for this indication</td>"
                + "<td>96% (strong support)</td><td>CARDIAC_RISK, MISSING_DATA, EVIDENCE_LIMIT</td></tr>"), page);
        assertTrue(page.contains("<title>BREAST (2 cases)") || page.contains("aria-label=\"BREAST (2 cases)\""), "a chart per tumour type");
    }
}
