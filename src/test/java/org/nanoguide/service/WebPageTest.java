package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;

/** The page for people and the HTML report, on a real service (the browser tests drive the page itself). */
class WebPageTest {
    static NanoguideService service;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        service = NanoguideService.start(LiveRules.of(TestKb.RULES, TestKb.guide(), 10_000), ServiceOptions.defaults().withPort(0), false);
        http = new Http(service);
    }

    @AfterAll
    static void stop() {
        if (service != null) service.close();
    }

    private static String policy(Http.Reply r) {
        return r.headers().firstValue("Content-Security-Policy").orElse("");
    }

    @Test
    void thePageOffersTheExamplesAndLoadsItsScriptFromTheServiceOnly() throws Exception {
        Http.Reply page = http.get("/");
        assertEquals(200, page.status());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        assertTrue(policy(page).contains("script-src 'self'"), policy(page));
        assertTrue(page.body().contains("<script src=\"/assets/page.js\" defer></script>"), page.body());
        assertFalse(page.body().matches("(?s).*<script>.*") || page.body().contains("http://") || page.body().contains("https://"),
                "no inline script, nothing from another site");
        long examples = Files.list(TestKb.CASES).filter(p -> p.toString().endsWith(".json")).count();
        assertEquals(examples, page.body().split("data-case=", -1).length - 1, "every bundled example case is offered");
        assertTrue(page.body().contains("<option value=\"breast-her2-cardiac-doxorubicin\" data-case=\"{"), "escaped JSON in the attribute");
        for (String asset : new String[] {"page.js", "page.css", "report.css"}) {
            Http.Reply r = http.get("/assets/" + asset);
            assertEquals(200, r.status(), asset);
            assertTrue(policy(r).contains("script-src 'self'"), asset);
        }
        assertEquals(404, http.get("/assets/nothing.js").status());
    }

    @Test
    void aReportComesBackAsHtmlWithAButtonForEachValueOfADecisiveUnknown() throws Exception {
        String json = Files.readString(TestKb.CASES.resolve("breast-unknown-her2-unknown-drug.json"));
        Http.Reply r = http.post("/v1/report?whatIf=true", json);
        assertEquals(200, r.status(), r.body());
        assertTrue(policy(r).contains("script-src 'self'"), policy(r));
        assertTrue(r.body().startsWith("<section class=\"report\" id=\"c1-case\">"), r.body());
        assertTrue(r.body().contains("<h3>Bottom line</h3>") && r.body().contains("<svg class=\"reasoning\""), r.body());
        assertTrue(r.body().contains("data-field=\"tumor.receptors.HER2\" data-value=\"&quot;POSITIVE&quot;\""), r.body());
        Http.Reply plain = http.post("/v1/report", json);
        assertFalse(plain.body().contains("<h3>What would change this advice</h3>"), "what-if only when asked");
        assertFalse(plain.body().contains("button"), plain.body());
    }

    @Test
    void aBadCaseIsTheSame400AsTheApiGives() {
        Http.Reply r = http.post("/v1/report", "{\"tumor\": {\"type\": \"BRAIN\"}}");
        assertEquals(400, r.status(), r.body());
        assertEquals(http.post("/v1/evaluate", "{\"tumor\": {\"type\": \"BRAIN\"}}").body(), r.body());
        assertEquals(415, http.post("/v1/report", "text/plain", "{}").status());
    }
}
