package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.render.JsonRenderer;

/**
 * Requests of the second adversarial pass (docs/reliability.md, "Second pass"): odd query
 * strings, a report whose answer outgrows its limit, and CDS Hooks calls whose FHIR is broken in
 * ways HAPI's parser passes over or trips on. Each must be a JSON 4xx naming what is wrong.
 */
class OddRequestsTest {
    static final String CDS = "/cds-services/nanocarrier-advice";
    static NanoguideService service;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        service = NanoguideService.start(LiveRules.fixed(TestKb.guide(), 10_000), ServiceOptions.defaults().withPort(0), false);
        http = new Http(service);
    }

    @AfterAll
    static void stop() {
        if (service != null) service.close();
    }

    static void error(Http.Reply r, int status, String message) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertEquals(status, r.json().get("status").asInt(), r.body());
        assertTrue(r.json().get("error").asText().contains(message), r.body());
    }

    @Test
    void queryStringsThatWouldQuietlyAnswerSomethingElseAre400() throws Exception {
        String c = Cases.HER2;
        error(http.post("/v1/evaluate?trace=true&trace=false", c), 400, "query parameter trace is given more than once");
        error(http.post("/v1/evaluate?whatIf=false&whatIf=true", c), 400, "query parameter whatIf is given more than once");
        error(http.post("/v1/evaluate?Trace=true", c), 400,
                "unknown query parameter \"Trace\": POST /v1/evaluate takes trace=true|false and whatIf=true|false");
        error(http.post("/v1/evaluate?tracing=true", c), 400, "unknown query parameter \"tracing\"");
        // java.net.URI refuses to send broken percent-encoding, so this one goes over a socket
        String raw = raw("POST /v1/evaluate?trace=%ZZ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + c.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + c);
        assertTrue(raw.startsWith("HTTP/1.1 400 "), raw);
        assertTrue(raw.contains("query parameter \\\"trace=%ZZ\\\" is not valid percent-encoding"), raw);
        error(http.post("/v1/evaluate?trace", c), 400, "query parameter trace has no value: expected true or false");
        error(http.post("/v1/evaluate?trace=", c), 400, "query parameter trace=: expected true or false");
        Http.Reply longValue = http.post("/v1/evaluate?trace=" + "x".repeat(7000), c);
        error(longValue, 400, "query parameter trace=" + "x".repeat(40) + "... (7000 characters): expected true or false");
        assertTrue(longValue.body().length() < 300, "the value is not echoed whole: " + longValue.body().length());
        error(http.post("/v1/report?trace=true", c), 400, "unknown query parameter \"trace\": POST /v1/report takes whatIf=true|false");
        error(http.post("/v1/report?whatIf=true&whatIf=true", c), 400, "whatIf is given more than once");
        // what is well formed still works: percent-encoded, an empty pair, each switch once
        Http.Reply encoded = http.post("/v1/evaluate?trace=tru%65&", c);
        assertEquals(200, encoded.status(), encoded.body());
        assertTrue(encoded.json().has("trace"), "trace=tru%65 is trace=true");
        Http.Reply plain = http.post("/v1/evaluate?trace=false&whatIf=false", c);
        assertEquals(200, plain.status(), plain.body());
        assertFalse(plain.json().has("trace"));
    }

    static String raw(String request) throws java.io.IOException {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", service.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return SlowAndGreedyClientsTest.readAnswer(s.getInputStream());
        }
    }

    @Test
    void aReportOverTheAnswerLimitIs413NamingTheCaseWhereItWasReached() throws Exception {
        int one = http.post("/v1/report", Cases.HEAVY_METAL).body().getBytes(StandardCharsets.UTF_8).length;
        long limit = 2L * one + one / 2; // two sections fit, three do not
        try (NanoguideService small = NanoguideService.start(LiveRules.fixed(TestKb.guide(), 10_000),
                ServiceOptions.defaults().withPort(0).withMaxAnswerBytes(limit), false)) {
            Http h = new Http(small);
            Http.Reply two = h.post("/v1/report", "[" + Cases.HEAVY_METAL + "," + Cases.HEAVY_METAL + "]");
            assertEquals(200, two.status(), two.body());
            assertTrue(two.contentType().startsWith("text/html"), two.contentType());
            assertEquals(two.body().getBytes(StandardCharsets.UTF_8).length,
                    Long.parseLong(two.headers().firstValue("Content-Length").orElseThrow()), "sent with its exact length");
            assertTrue(two.body().contains("c1-") && two.body().contains("c2-"), "one section per case");
            Http.Reply three = h.post("/v1/report", "[" + Cases.HEAVY_METAL + "," + Cases.HEAVY_METAL + "," + Cases.HEAVY_METAL + "]");
            error(three, 413, "the answer would be over the limit of " + limit + " bytes (reached at case 3 of 3)");
            // the bytes held for the refused answer were given back
            assertTrue(h.get("/metrics").body().contains("nanoguide_answers_held_bytes 0.0"), "nothing held after the answers");
        }
    }

    /** The documentation's order-select call, with one change. */
    static String call(Consumer<ObjectNode> change) throws Exception {
        ObjectNode call = (ObjectNode) JsonRenderer.mapper().readTree(Files.readString(Path.of("docs/cds/order-select-breast.json")));
        change.accept(call);
        return JsonRenderer.mapper().writeValueAsString(call);
    }

    static ObjectNode prefetch(ObjectNode call) { return (ObjectNode) call.get("prefetch"); }

    @Test
    void bundleEntriesHapiWouldDropOrTripOverAre400NamingTheEntry() throws Exception {
        assertEquals(200, http.post(CDS, call(c -> { })).status(), "the call as documented");
        error(http.post(CDS, call(c -> ((ObjectNode) prefetch(c).get("conditions")).put("entry", "x"))), 400,
                "prefetch.conditions.entry: expected an array of entries, found a string");
        error(http.post(CDS, call(c -> ((ArrayNode) prefetch(c).get("conditions").get("entry")).insert(0, 1))), 400,
                "prefetch.conditions.entry[0]: expected an entry object, found a number");
        error(http.post(CDS, call(c -> ((ArrayNode) prefetch(c).get("conditions").get("entry")).insertObject(1).putNull("resource"))), 400,
                "prefetch.conditions.entry[1].resource: expected a FHIR resource (an object with resourceType), found null");
        error(http.post(CDS, call(c -> ((ArrayNode) prefetch(c).get("observations").get("entry")).addObject().putObject("resource")
                .put("status", "final"))), 400, "resource: expected a FHIR resource (an object with resourceType), found an object without resourceType");
        // a value of the wrong JSON type is dropped by HAPI's lenient parser: here the diagnosis, which would read as none
        error(http.post(CDS, call(c -> {
            JsonNode first = prefetch(c).get("conditions").get("entry").get(0).get("resource");
            ((ObjectNode) first.get("code")).put("coding", "C50.911");
        })), 400, "prefetch.conditions: not valid FHIR R4");
    }

    @Test
    void aBirthDateInTheFutureIs400NamingItNotATypeError() throws Exception {
        Http.Reply r = http.post(CDS, call(c -> ((ObjectNode) prefetch(c).get("patient")).put("birthDate", "3000-01-01")));
        error(r, 400, ": birthDate 3000-01-01 is after today");
        assertFalse(r.body().contains("integer expected"), r.body());
    }

    @Test
    void aFhirServerThatRefusesTheConnectionIs412SayingSo() throws Exception {
        // port 1 on loopback: nothing listens, the connection is refused at once
        Http.Reply r = http.post(CDS, call(c -> {
            c.put("fhirServer", "http://127.0.0.1:1/fhir");
            c.remove("prefetch");
        }));
        error(r, 412, "from the FHIR server: could not connect to 127.0.0.1:1");
        assertFalse(r.body().contains("null"), r.body());
    }
}
