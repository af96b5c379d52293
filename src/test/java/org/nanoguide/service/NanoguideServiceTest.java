package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nanoguide.Nanoguide;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.RuleInfo;

/** Every endpoint and every error status of a real service on an ephemeral loopback port. */
class NanoguideServiceTest {
    static NanoguideService service;
    static Http http;
    static final ConcurrentLinkedQueue<String> ERROR_BODIES = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws Exception {
        LiveRules rules = LiveRules.of(TestKb.RULES, TestKb.guide(), 10_000);
        service = NanoguideService.start(rules, ServiceOptions.defaults().withPort(0), false);
        http = new Http(service);
    }

    @AfterAll
    static void stop() {
        if (service != null) service.close();
        for (String body : ERROR_BODIES) {
            assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("at org."),
                    "an error body shows Java internals: " + body);
        }
    }

    private static Http.Reply error(Http.Reply r, int status, String contains) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonNode json = r.json();
        assertEquals(status, json.get("status").asInt(), r.body());
        assertTrue(json.get("error").asText().contains(contains), () -> "expected \"" + contains + "\" in " + r.body());
        ERROR_BODIES.add(r.body());
        return r;
    }

    @Test
    void bindsLoopbackOnAnEphemeralPort() {
        assertEquals("127.0.0.1", ServiceOptions.defaults().host(), "the safe default");
        assertTrue(service.port() > 0);
        assertEquals("127.0.0.1", service.baseUri().getHost());
    }

    @Test
    void requestsBlockOnVirtualThreadsWhereTheJvmDoesNotPinThem() {
        // the build runs this class on Java 17 and, where Java 25 is installed, again on it (pom.xml)
        assertEquals(Runtime.version().feature() >= 24, service.virtualRequestThreads(),
                "requests on virtual threads on Java 24 and later only, here " + Runtime.version());
        assertEquals(200, http.get("/v1/health").status());
    }

    @Test
    void healthReportsTheServingRules() {
        Http.Reply r = http.get("/v1/health");
        assertEquals(200, r.status());
        JsonNode h = r.json();
        KnowledgeBase kb = TestKb.kb();
        assertEquals("ok", h.get("status").asText());
        assertEquals(kb.ruleCount(), h.get("rules").asInt());
        assertEquals(kb.fingerprint(), h.get("fingerprint").asText());
        assertEquals(kb.version(), h.get("version").asText());
        assertEquals(kb.loadedAt().toString(), h.get("loadedAt").asText());
        assertTrue(h.has("lastReloadError") && h.get("lastReloadError").isNull(), r.body());
        assertFalse(h.get("watching").asBoolean());
    }

    @Test
    void rulesListsEveryRuleWithItsMetadata() {
        Http.Reply r = http.get("/v1/rules");
        assertEquals(200, r.status());
        JsonNode body = r.json();
        List<RuleInfo> rules = TestKb.kb().rules();
        assertEquals(rules.size(), body.get("count").asInt());
        assertEquals(TestKb.kb().fingerprint(), body.get("fingerprint").asText());
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = body.get("rules").get(i);
            assertEquals(rules.get(i).id(), rule.get("id").asText());
            assertEquals(rules.get(i).section(), rule.get("section").asText());
            assertEquals(rules.get(i).file(), rule.get("file").asText());
            assertEquals(rules.get(i).line(), rule.get("line").asInt());
            assertTrue(rule.get("metadata").has("id"));
        }
    }

    @Test
    void schemaIsTheCaseSchema() {
        Http.Reply r = http.get("/v1/schema");
        assertEquals(200, r.status());
        assertEquals(Nanoguide.reader().schemaText(), r.body());
        assertEquals("https://json-schema.org/draft/2020-12/schema", r.json().get("$schema").asText());
    }

    @Test
    void openApiDescribesEveryRouteAndEveryStatus() {
        Http.Reply r = http.get("/v1/openapi.json");
        assertEquals(200, r.status());
        JsonNode api = r.json();
        assertTrue(api.get("openapi").asText().startsWith("3."), r.body());
        for (String route : NanoguideService.ROUTES) {
            String[] mp = route.split(" ");
            JsonNode op = api.path("paths").path(mp[1]).path(mp[0].toLowerCase());
            assertFalse(op.isMissingNode(), "openapi.json lacks " + route);
            assertTrue(op.path("responses").has("200"), route + " documents 200");
        }
        JsonNode evaluate = api.path("paths").path("/v1/evaluate").path("post").path("responses");
        for (String status : List.of("400", "413", "415", "500", "503")) {
            assertTrue(evaluate.has(status), "POST /v1/evaluate documents " + status);
        }
    }

    @Test
    void evaluateAnswersWithTheCliNdjsonLineByteForByte() throws Exception {
        Path file = TestKb.CASES.resolve("gbm-deep-hyperthermia.json");
        Cli.Run cli = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), "--format", "ndjson", "--quiet", file.toString());
        assertEquals(0, cli.status(), cli.err());
        Http.Reply r = http.post("/v1/evaluate", Files.readString(file));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/json"));
        assertEquals(cli.out().strip(), r.body());
        assertEquals(TestKb.kb().fingerprint(), r.headers().firstValue("Nanoguide-Rules-Fingerprint").orElse(""));
        assertTrue(r.body().contains("\"IRON_OXIDE_NP\""), r.body());
    }

    @Test
    void theTraceIsGivenOnlyWhenAskedForAsTheCliGivesIt() throws Exception {
        Path file = TestKb.CASES.resolve("gbm-deep-hyperthermia.json");
        Cli.Run cli = Cli.run("evaluate", "--rules", TestKb.RULES.toString(), "--format", "ndjson", "--trace", "--quiet", file.toString());
        assertEquals(0, cli.status(), cli.err());
        Http.Reply traced = http.post("/v1/evaluate?trace=true", Files.readString(file));
        assertEquals(200, traced.status(), traced.body());
        assertEquals(cli.out().strip(), traced.body());
        assertEquals(traced.json().get("firings").asInt(), traced.json().get("trace").size());
        Http.Reply plain = http.post("/v1/evaluate?trace=false", Files.readString(file));
        assertFalse(plain.json().has("trace"), plain.body());
        assertEquals(traced.json().get("firings"), plain.json().get("firings"));
        error(http.post("/v1/evaluate?trace=yes", Files.readString(file)), 400, "trace=yes: expected true or false");
    }

    @Test
    void anArrayOfCasesGivesAnArrayOfResultsInOrder() throws Exception {
        Http.Reply r = http.post("/v1/evaluate", "[" + Cases.DEEP + ",\n" + Cases.HER2 + "]");
        assertEquals(200, r.status(), r.body());
        String expected = Nanoguide.toJson(List.of(TestKb.guide().evaluate(Cases.DEEP), TestKb.guide().evaluate(Cases.HER2)));
        assertEquals(expected, r.body());
        assertEquals("deep", r.json().get(0).get("caseId").asText());
        assertEquals("her2", r.json().get(1).get("caseId").asText());
    }

    @Test
    void csvRowsGiveAnArrayOfResultsAsTheSameCasesInJsonDo() {
        Http.Reply r = http.post("/v1/evaluate", "text/csv", "id,tumor.type,tumor.depthCm,resources.alternatingMagneticField\n"
                + "deep,PANCREATIC,8.0,true\n");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().isArray() && r.json().size() == 1, "CSV holds rows, so the answer is an array even for one: " + r.body());
        assertEquals("deep", r.json().get(0).get("caseId").asText(), r.body());
        error(http.post("/v1/evaluate", "text/csv", ""), 400, "request: empty input: expected CSV");
    }

    @Test
    void invalidCasesAre400WithTheCliMessageNamingTheJsonPath() {
        error(http.post("/v1/evaluate", "{\"tumor\": {\"type\": "), 400, "request: $: not valid JSON");
        error(http.post("/v1/evaluate", "{\"tumor\": {\"type\": \"BREAST\", \"receptors\": {\"HER3\": \"POSITIVE\"}}}"),
                400, "request: $.tumor.receptors.HER3: unknown field \"HER3\"");
        error(http.post("/v1/evaluate", "{\"tumor\": {\"type\": \"BRAIN\"}}"), 400, "request: $.tumor.type: must be one of");
        error(http.post("/v1/evaluate", ""), 400, "request: $: empty input");
        error(http.post("/v1/evaluate", "[]"), 400, "the array holds no case");
        Http.Reply many = error(http.post("/v1/evaluate", "[" + Cases.DEEP + ", {\"tumor\": {}}, 7]"), 400,
                "request[1]: $[1].tumor: missing required field \"type\"");
        assertEquals(2, many.json().get("errors").size(), many.body());
        assertTrue(many.json().get("errors").get(1).asText().startsWith("request[2]: $[2]: expected a case object"));
    }

    @Test
    void aCaseWithSeveralProblemsListsThemAllInDocumentOrder() {
        Http.Reply r = error(http.post("/v1/evaluate", "{\"tumor\": {\"type\": \"BREAST\", \"receptors\": {\"ER\": \"POSITIVE\"}},\n"
                + " \"therapy\": {\"plannedDrugs\": \"DOXORUBICIN\"}}"), 400, "request: $.tumor.receptors.ER: the case format does not model");
        assertTrue(r.json().get("error").asText().endsWith("(and 1 more problem, in errors)"), r.body());
        assertEquals(2, r.json().get("errors").size(), r.body());
        assertTrue(r.json().get("errors").get(0).asText().startsWith("request: $.tumor.receptors.ER:"), r.body());
        assertTrue(r.json().get("errors").get(1).asText().startsWith("request: $.therapy.plannedDrugs:"), r.body());
        assertTrue(r.json().get("errors").get(1).asText().endsWith("(line 2, column 30)"), r.body());

        JsonNode problems = r.json().get("problems");
        assertEquals(2, problems.size(), r.body());
        assertProblem(problems.get(0), null, "$.tumor.receptors.ER", 1, "additionalProperties", "the case format does not model");
        assertProblem(problems.get(1), null, "$.therapy.plannedDrugs", 2, "type", "");
        assertEquals(30, problems.get(1).get("column").asInt(), r.body());
        for (int i = 0; i < 2; i++) {
            assertTrue(r.json().get("errors").get(i).asText().contains(problems.get(i).get("message").asText()),
                    "a problem's message is the one its line in errors gives: " + r.body());
        }
    }

    @Test
    void theProblemsOfAnArrayNameTheirCaseAndThoseOfTheWholeBodyNone() {
        Http.Reply many = error(http.post("/v1/evaluate", "[" + Cases.DEEP + ",\n {\"tumor\": {}},\n 7]"), 400, "request[1]");
        JsonNode problems = many.json().get("problems");
        assertEquals(2, problems.size(), many.body());
        assertProblem(problems.get(0), 1L, "$[1].tumor", 2, "required", "missing required field \"type\"");
        assertEquals("request[1]", problems.get(0).get("source").asText(), many.body());
        assertProblem(problems.get(1), 2L, "$[2]", 3, "type", "expected a case object, found number");

        Http.Reply syntax = error(http.post("/v1/evaluate", "[{\"tumor\": {\"type\": }}]"), 400, "not valid JSON");
        assertEquals(1, syntax.json().get("problems").size(), syntax.body());
        assertFalse(syntax.json().has("errors"), "errors lists problems only when there are several: " + syntax.body());
        assertProblem(syntax.json().get("problems").get(0), null, "$", 1, "syntax", "not valid JSON");

        Http.Reply csv = error(http.post("/v1/evaluate", "text/csv", "tumor.type\nLUNG\nBRAIN\n"), 400, "must be one of");
        JsonNode row = csv.json().get("problems").get(0);
        assertEquals(1, row.get("case").asInt(), "CSV rows are cases: " + csv.body());
        assertEquals("enum", row.get("code").asText(), csv.body());
        assertTrue(row.get("source").asText().startsWith("request: row 3"), "CSV has no line and column but its row: " + csv.body());
        assertFalse(row.has("line"), csv.body());

        Http.Reply one = error(http.post("/v1/evaluate", "{\"tumor\": {\"type\": \"BRAIN\"}}"), 400, "must be one of");
        assertProblem(one.json().get("problems").get(0), null, "$.tumor.type", 1, "enum", "must be one of");
        Http.Reply report = error(http.post("/v1/report", "{\"tumor\": {\"type\": \"BRAIN\"}}"), 400, "must be one of");
        assertEquals(one.json().get("problems"), report.json().get("problems"), "the report refuses a case as evaluate does");

        Http.Reply notJson = error(http.post("/v1/evaluate", "<case><tumor type=\"LUNG\"/></case>"), 400, "not JSON");
        JsonNode whole = notJson.json().get("problems").get(0);
        assertEquals("notJson", whole.get("code").asText(), notJson.body());
        assertFalse(whole.has("path") || whole.has("line") || whole.has("case"), notJson.body());
    }

    /** A structured problem: its case (null: none named), JSON path, line, code and the start of its message. */
    private static void assertProblem(JsonNode p, Long caseIndex, String path, long line, String code, String message) {
        assertEquals(caseIndex == null, !p.has("case"), p.toString());
        if (caseIndex != null) assertEquals(caseIndex.longValue(), p.get("case").asLong(), p.toString());
        assertEquals(path, p.get("path").asText(), p.toString());
        assertEquals(line, p.get("line").asLong(), p.toString());
        assertTrue(p.get("column").asLong() > 0, p.toString());
        assertEquals(code, p.get("code").asText(), p.toString());
        assertTrue(p.get("message").asText().startsWith(message), p.toString());
        assertFalse(p.get("message").asText().contains("(line "), "the place is in fields, not in the message: " + p);
    }

    @Test
    void headAnswersAsGetDoesWithoutTheBody() {
        for (String path : List.of("/v1/health", "/v1/health/ready", "/v1/openapi.json", "/metrics", "/")) {
            Http.Reply get = http.get(path);
            Http.Reply head = http.send(HttpRequest.newBuilder(service.baseUri().resolve(path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, head.status(), path);
            assertEquals(get.contentType(), head.contentType(), "HEAD " + path + " has GET's Content-Type");
            assertEquals("", head.body(), path);
        }
    }

    @Test
    void bodiesOverTheLimitAre413() {
        long max = ServiceOptions.DEFAULT_MAX_BODY;
        String big = "[" + " ".repeat((int) max) + "]";
        error(http.post("/v1/evaluate", big), 413, "over the limit of " + max + " bytes");
        // no Content-Length (chunked): counted while read
        HttpRequest.Builder chunked = HttpRequest.newBuilder(service.baseUri().resolve("/v1/evaluate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())));
        error(http.send(chunked), 413, "over the limit of " + max + " bytes");
    }

    @Test
    void otherContentTypesAre415() {
        error(http.post("/v1/evaluate", "text/plain", Cases.DEEP), 415, "Content-Type: application/json");
        error(http.post("/v1/evaluate", null, Cases.DEEP), 415, "unsupported content type (none)");
        error(http.post("/v1/evaluate", "application/json; charset=iso-8859-1", Cases.DEEP), 415, "UTF-8");
        assertEquals(200, http.post("/v1/evaluate", "application/json; charset=UTF-8", Cases.DEEP).status());
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() {
        error(http.get("/v1/nothing"), 404, "not found: GET /v1/nothing");
        error(http.get("/nothing"), 404, "not found: GET /nothing");
        error(http.get("/v1/evaluate"), 405, "method not allowed: GET /v1/evaluate");
        error(http.post("/v1/health", "{}"), 405, "method not allowed");
        error(http.send(HttpRequest.newBuilder(service.baseUri().resolve("/v1/rules"))
                .method("PUT", HttpRequest.BodyPublishers.ofString("rule x"))), 405, "method not allowed");
    }

    @Test
    void errorsJettyAnswersItselfAreJsonToo() {
        Http.Reply r = http.send(HttpRequest.newBuilder(service.baseUri().resolve("/v1/health"))
                .header("X-Padding", "a".repeat(20_000)).GET());
        error(r, 431, "request header fields too large");
    }

    @Test
    void concurrentClientsGetIdenticalAnswersForIdenticalCases() throws Exception {
        Map<String, String> expected = new java.util.HashMap<>();
        for (String c : Cases.FEW) expected.put(c, Nanoguide.toJson(TestKb.guide().evaluate(c)));
        int clients = 8;
        int requests = 50;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int i = 0; i < requests; i++) {
                        String c = Cases.FEW.get((i + offset) % Cases.FEW.size());
                        Http.Reply r = http.post("/v1/evaluate", c);
                        if (r.status() != 200 || !r.body().equals(expected.get(c))) mismatches.add(r.status() + " " + r.body());
                    }
                    return mismatches;
                }));
            }
            Set<String> all = new HashSet<>();
            for (Future<List<String>> f : futures) all.addAll(f.get(120, TimeUnit.SECONDS));
            assertEquals(Set.of(), all, "every answer is 200 and identical to the in-process one");
        } finally {
            pool.shutdownNow();
        }
    }
}
