package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;

/** The page for people and the HTML report, on a real service (the browser tests drive the page itself). */
class WebPageTest extends ServiceOnTestRules {
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
        int examples = TestKb.exampleCases().size();
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
    void everySectionOfAReportOfManyCasesHasIdsOfItsOwnInTheRequestsOrder() throws Exception {
        // more cases than one turn of the evaluation pool: the sections come from several turns
        String one = Files.readString(TestKb.CASES.resolve("breast-unknown-her2-unknown-drug.json"));
        int n = 40;
        Http.Reply r = http.post("/v1/report", "[" + String.join(",", java.util.Collections.nCopies(n, one)) + "]");
        assertEquals(200, r.status(), r.body());
        int from = 0;
        for (int i = 1; i <= n; i++) {
            String id = "<section class=\"report\" id=\"c" + i + "-";
            int at = r.body().indexOf(id);
            assertTrue(at >= from, "section " + i + " in order");
            assertEquals(at, r.body().lastIndexOf(id), "section " + i + " once");
            from = at;
        }
    }

    @Test
    void aBadCaseIsTheSame400AsTheApiGives() {
        Http.Reply r = http.post("/v1/report", "{\"tumor\": {\"type\": \"BRAIN\"}}");
        assertEquals(400, r.status(), r.body());
        assertEquals(http.post("/v1/evaluate", "{\"tumor\": {\"type\": \"BRAIN\"}}").body(), r.body());
        assertEquals(415, http.post("/v1/report", "text/plain", "{}").status());
    }

    private static final String CSV_HEADER = "id,tumor.type,tumor.depthCm,therapy.plannedDrugs\n";

    @Test
    void csvRowsComeBackAsAReportPerRow() throws Exception {
        Http.Reply r = http.post("/v1/report", "text/csv; charset=utf-8", CSV_HEADER + "row-a,BREAST,1.2,DOXORUBICIN\nrow-b,PANCREATIC,8,\n");
        assertEquals(200, r.status(), r.body());
        assertTrue(policy(r).contains("script-src 'self'"), policy(r));
        assertEquals(2, r.body().split("<section class=\"report\"", -1).length - 1, r.body());
        assertTrue(r.body().indexOf("Case row-a") < r.body().indexOf("Case row-b") && r.body().indexOf("Case row-a") >= 0, r.body());
        // the same rows as a JSON array give the same reports
        String json = "[{\"id\": \"row-a\", \"tumor\": {\"type\": \"BREAST\", \"depthCm\": 1.2}, \"therapy\": {\"plannedDrugs\": [\"DOXORUBICIN\"]}},"
                + " {\"id\": \"row-b\", \"tumor\": {\"type\": \"PANCREATIC\", \"depthCm\": 8}}]";
        assertEquals(http.post("/v1/report", json).body(), r.body());
    }

    @Test
    void aBadCsvRowIsA400NamingItsRowAndColumnWithEveryProblemListed() {
        Http.Reply r = http.post("/v1/report", "text/csv", CSV_HEADER + "good-1,BREAST,1.2,DOXORUBICIN\nbad,BRAIN,deep,\ngood-2,LUNG,3,\n");
        assertEquals(400, r.status(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        var errors = r.json().get("errors");
        assertEquals(400, r.json().get("status").asInt(), r.body());
        assertTrue(r.json().get("error").asText().startsWith("request: row 3"), r.body());
        assertEquals(2, errors.size(), r.body());
        assertTrue(errors.get(0).asText().contains("row 3") && errors.get(0).asText().contains("tumor.type"), r.body());
        assertTrue(errors.get(1).asText().contains("row 3") && errors.get(1).asText().contains("tumor.depthCm"), r.body());
        assertEquals(r.body(), http.post("/v1/evaluate", "text/csv", CSV_HEADER + "good-1,BREAST,1.2,DOXORUBICIN\nbad,BRAIN,deep,\ngood-2,LUNG,3,\n").body(),
                "the API reads CSV as the page's report does");
        Http.Reply header = http.post("/v1/report", "text/csv", "id,tumor.kind\nx,LUNG\n");
        assertEquals(400, header.status(), header.body());
        assertTrue(header.json().get("error").asText().contains("tumor.kind"), header.body());
        assertEquals(415, http.post("/v1/report", "text/csv; charset=iso-8859-1", CSV_HEADER).status());
    }
}
