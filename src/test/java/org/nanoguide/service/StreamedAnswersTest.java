package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanoguide.Nanoguide;
import org.nanoguide.TestKb;
import org.nanoguide.explain.Result;

/**
 * Array answers are written result by result with their exact length (issue 15, item 1; the
 * review's #19-#21 and defect 3): a big answer arrives whole and byte for byte as
 * {@link Nanoguide#toJson(List)} gives it; an answer over its limit stops the evaluation where it
 * outgrew the limit; clients that never read their answers hold no evaluation thread.
 */
class StreamedAnswersTest {

    private static int resultBytes(String caseJson) throws Exception {
        return Nanoguide.toJson(TestKb.guide().evaluate(caseJson)).getBytes(StandardCharsets.UTF_8).length;
    }

    /** The service's count of evaluated cases, as {@code GET /metrics} shows it. */
    static long evaluations(Http http) { return http.metric("nanoguide_evaluations_total"); }

    private static String array(List<String> cases) { return "[" + String.join(",", cases) + "]"; }

    @Test
    void aBigArrayIsAnsweredWholeWithItsLengthAndTheSameBytesAsToJson() throws Exception {
        List<String> cases = Cases.generated(600, 15_2026L);
        List<Result> expected = new ArrayList<>();
        for (String c : cases) expected.add(TestKb.guide().evaluate(c));
        byte[] want = Nanoguide.toJson(expected).getBytes(StandardCharsets.UTF_8);
        assertTrue(want.length > 1_000_000, "big enough to take many writes: " + want.length + " bytes");
        try (NanoguideService service = NanoguideService.start(LiveRules.fixed(TestKb.guide(), 10_000),
                ServiceOptions.defaults().withPort(0), false)) {
            Http.Reply r = new Http(service).post("/v1/evaluate", array(cases));
            assertEquals(200, r.status(), r.body());
            assertTrue(r.contentType().startsWith("application/json"), r.contentType());
            assertEquals(String.valueOf(want.length), r.headers().firstValue("Content-Length").orElse("none"));
            assertFalse(r.headers().firstValue("Transfer-Encoding").isPresent(), "sent with its length, not chunked");
            assertEquals(new String(want, StandardCharsets.UTF_8), r.body());
        }
    }

    @Test
    void anAnswerOverItsLimitStopsEvaluatingWhereItOutgrewTheLimit() throws Exception {
        int one = resultBytes(Cases.HEAVY_METAL);
        long limit = 2L * one + 3; // two results in an array fit, three do not
        try (NanoguideService service = NanoguideService.start(LiveRules.fixed(TestKb.guide(), 10_000),
                ServiceOptions.defaults().withPort(0).withMaxAnswerBytes(limit), false)) {
            Http http = new Http(service);
            long before = evaluations(http);
            Http.Reply refused = http.post("/v1/evaluate", array(Collections.nCopies(10, Cases.HEAVY_METAL)));
            assertEquals(413, refused.status(), refused.body());
            assertTrue(refused.contentType().startsWith("application/json"), refused.contentType());
            assertEquals("the answer would be over the limit of " + limit + " bytes (reached at case 3 of 10); send fewer cases per request",
                    refused.json().get("error").asText());
            assertEquals(3, evaluations(http) - before, "evaluated up to the case that outgrew the limit, not the 7 after it");

            Http.Reply exact = http.post("/v1/evaluate", array(List.of(Cases.HEAVY_METAL, Cases.HEAVY_METAL)));
            assertEquals(200, exact.status(), exact.body());
            assertEquals(limit, exact.body().getBytes(StandardCharsets.UTF_8).length, "an answer of exactly the limit is sent");
            assertEquals(5, evaluations(http) - before);
        }
    }

    @Test
    void clientsThatNeverReadTheirAnswersHoldNoEvaluationThread() throws Exception {
        int one = resultBytes(Cases.HEAVY_METAL);
        // far more than a loopback socket's buffers hold, so the server's write blocks on each of them
        int perRequest = 8_000_000 / one + 1;
        int greedy = 4; // twice the evaluation threads
        try (NanoguideService service = NanoguideService.start(LiveRules.fixed(TestKb.guide(), 10_000),
                ServiceOptions.defaults().withPort(0).withThreads(2).withMaxCases(perRequest), false)) {
            Http http = new Http(service);
            long before = evaluations(http);
            byte[] body = array(Collections.nCopies(perRequest, Cases.HEAVY_METAL)).getBytes(StandardCharsets.UTF_8);
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < greedy; i++) {
                    Socket s = new Socket();
                    s.setReceiveBufferSize(4096);
                    s.connect(new InetSocketAddress("127.0.0.1", service.port()));
                    OutputStream out = s.getOutputStream();
                    out.write(("POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                            + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    sockets.add(s); // and never read
                }
                Instant end = Instant.now().plus(Duration.ofSeconds(60));
                while (evaluations(http) - before < (long) greedy * perRequest && Instant.now().isBefore(end)) Thread.sleep(50);
                assertEquals((long) greedy * perRequest, evaluations(http) - before, "every greedy request was evaluated");

                List<String> few = List.of(Cases.DEEP, Cases.HER2, Cases.BLOOD);
                List<Result> results = new ArrayList<>();
                for (String c : few) results.add(TestKb.guide().evaluate(c));
                for (int i = 0; i < 5; i++) {
                    Http.Reply r = http.post("/v1/evaluate", array(few));
                    assertEquals(200, r.status(), r.body());
                    assertEquals(Nanoguide.toJson(results), r.body());
                }
                assertEquals(200, http.get("/v1/health").status());
            } finally {
                for (Socket s : sockets) s.close();
            }
        }
    }
}
