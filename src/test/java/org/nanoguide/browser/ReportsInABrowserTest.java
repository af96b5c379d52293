package org.nanoguide.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;
import org.nanoguide.service.LiveRules;
import org.nanoguide.service.NanoguideService;
import org.nanoguide.service.ServiceOptions;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person sees in a real browser (headless Chromium): a case report, a cohort page, and
 * the service's page with a case submitted (JSON, or CSV uploaded or pasted) and its report coming back.
 */
class ReportsInABrowserTest {
    @TempDir
    static Path tmp;
    static ChromeDriver browser;
    static NanoguideService service;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(tmp.resolve("profile"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (service != null) service.close();
    }

    private static Path page(String name, String... args) throws Exception {
        Cli.Run run = Cli.run(args);
        assertEquals(0, run.status(), run.err());
        Path file = tmp.resolve(name);
        Files.writeString(file, run.out());
        return file;
    }

    /** Waits for the page's script; a report it replaces while we look is looked up again. */
    private static org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class);
    }

    /** Replaces the case on the page with typed text and submits it. */
    private static void submitTyped(String typed) {
        WebElement text = browser.findElement(By.id("case"));
        text.clear();
        text.sendKeys(typed);
        browser.findElement(By.id("evaluate")).click();
    }

    /** Waits for the page to say a problem, as the API says it, marked as an error. */
    private static void errorSaying(String problem) {
        WebElement status = waiting().until(d -> {
            WebElement s = d.findElement(By.id("status"));
            return s.getText().contains(problem) ? s : null;
        });
        assertTrue(status.getAttribute("class").contains("error"), "a problem is shown as an error: " + status.getText());
    }

    @Test
    void aCaseReportShowsTheBottomLineTheGraphAndFollowsAReference() throws Exception {
        Path file = page("case.html", "evaluate", "--rules", TestKb.RULES.toString(), "--format", "html",
                TestKb.CASES.resolve("breast-her2-cardiac-doxorubicin.json").toString());
        browser.get(file.toUri().toString());
        WebElement bottom = browser.findElement(By.cssSelector(".bottom-line"));
        assertTrue(bottom.isDisplayed());
        assertTrue(bottom.getText().contains("PEGylated liposomes for drug delivery, relying on passive EPR accumulation"), bottom.getText());
        assertTrue(bottom.getText().contains("Cardiac risk with an anthracycline planned"), bottom.getText());
        assertTrue(bottom.getLocation().getY() < browser.findElement(By.cssSelector("table.understood")).getLocation().getY(),
                "the bottom line is above everything else");
        WebElement graph = browser.findElement(By.cssSelector("svg.reasoning"));
        assertTrue(graph.isDisplayed() && graph.getSize().getWidth() > 400, "the graph is drawn: " + graph.getSize());
        List<WebElement> options = graph.findElements(By.cssSelector("g.node.option"));
        assertEquals(3, options.size());
        assertTrue(graph.findElements(By.cssSelector("text.rule")).stream().anyMatch(t -> t.getText().contains("her2-antibody-targeting")));
        browser.findElement(By.cssSelector("a[href='#c1-ref-11']")).click();
        WebElement ref = browser.findElement(By.id("c1-ref-11"));
        assertTrue(ref.getText().startsWith("Mirza, Z., & Karim, S."), ref.getText());
        assertTrue(browser.getCurrentUrl().endsWith("#c1-ref-11"), browser.getCurrentUrl());
    }

    @Test
    void aCohortPageShowsTheSummaryChartsAndARowPerCase() throws Exception {
        Cli.Run generated = Cli.run("generate", "--count", "30", "--seed", "7");
        Path cases = tmp.resolve("cohort.ndjson");
        Files.writeString(cases, generated.out());
        Path file = page("cohort.html", "evaluate", "--rules", TestKb.RULES.toString(), "--format", "html", cases.toString());
        browser.get(file.toUri().toString());
        assertEquals("Summary of 30 cases", browser.findElement(By.cssSelector("section.summary h2")).getText());
        WebElement chart = browser.findElement(By.cssSelector("section.summary svg.chart"));
        assertTrue(chart.isDisplayed() && chart.getSize().getHeight() > 20, "a chart is drawn: " + chart.getSize());
        assertTrue(chart.findElements(By.cssSelector("rect.bar")).size() > 1, "with bars");
        assertEquals(30, browser.findElements(By.cssSelector("table.cases tr")).size() - 1, "a row per case");
        assertEquals(20, browser.findElements(By.cssSelector("section.report")).size(), "the first reports in full");
    }

    @Test
    void theServicePageShowsTheReportOfASubmittedCaseAndTriesAnUnknown() throws Exception {
        service = NanoguideService.start(LiveRules.of(TestKb.RULES, TestKb.guide(), 10_000), ServiceOptions.defaults().withPort(0), false);
        String base = service.baseUri().toString();
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"), page.headers().toString());
        browser.get(base + "/");
        new Select(browser.findElement(By.id("example"))).selectByValue("breast-her2-cardiac-doxorubicin");
        WebElement bottom = waiting().until(d -> d.findElement(By.cssSelector("#report .bottom-line")));
        assertTrue(bottom.getText().contains("PEGylated liposomes for drug delivery"), bottom.getText());
        assertTrue(browser.findElement(By.cssSelector("#report svg.reasoning")).isDisplayed(), "the graph, on the page too");

        submitTyped("{\"id\": \"typed-in\", \"tumor\": {\"type\": \"BREAST\", \"receptors\": {\"HER2\": \"UNKNOWN\"}}, "
                + "\"therapy\": {\"plannedDrugs\": [\"DOXORUBICIN\"]}}");
        waiting().until(d -> d.findElement(By.cssSelector("#report h2")).getText().equals("Case typed-in"));
        WebElement tryPositive = waiting().until(d -> d.findElement(By.cssSelector("#report button.try[data-field='tumor.receptors.HER2'][data-value='\"POSITIVE\"']")));
        tryPositive.click();
        waiting().until(d -> d.findElement(By.id("case")).getAttribute("value").contains("\"HER2\": \"POSITIVE\""));
        waiting().until(d -> d.findElement(By.cssSelector("#report table.understood")).getText().contains("tumor.receptors.HER2 POSITIVE"));

        submitTyped("{\"tumor\": {\"type\": \"BRAIN\"}}");
        errorSaying("$.tumor.type: must be one of BREAST");
        assertTrue(browser.findElements(By.cssSelector("#report *")).isEmpty(), "and no stale report is left standing");

        Path csv = tmp.resolve("two.csv");
        Files.writeString(csv, "id,tumor.type,tumor.receptors.HER2,therapy.plannedDrugs\n"
                + "csv-one,BREAST,POSITIVE,DOXORUBICIN\ncsv-two,GLIOBLASTOMA,,\n");
        browser.findElement(By.id("upload")).sendKeys(csv.toString());
        waiting().until(d -> d.findElements(By.cssSelector("#report section.report h2")).stream().map(WebElement::getText).toList()
                .equals(List.of("Case csv-one", "Case csv-two")));
        assertTrue(browser.findElement(By.id("case")).getAttribute("value").startsWith("id,tumor.type"), "the uploaded CSV is shown to edit");

        submitTyped("tumor.type,tumor.depthCm\nLUNG,deep\n");
        errorSaying("request: row 2, column 2 (tumor.depthCm)");
    }
}
