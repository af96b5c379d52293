package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;

/**
 * Attack #21's limit: clients that never read their answers hold them, each within its own answer
 * limit; the service holds at most {@code maxAnswersHeldBytes} of answers at once and refuses
 * beyond it with a JSON 503 and Retry-After, until the slow readers are served or gone.
 */
class HeldAnswersTest {
    private static final int SLOW_CASES = 130;
    private static final int OTHER_CASES = 20;

    @Test
    void answersHeldForClientsThatDoNotReadAreBoundedServiceWide() throws Exception {
        long one;
        long slowAnswer;
        try (NanoguideService sizes = NanoguideService.start(LiveRules.fixed(TestKb.guide(), 10_000),
                ServiceOptions.defaults().withPort(0), false)) {
            Http http = new Http(sizes);
            one = http.post("/v1/evaluate", OutOfMemoryTest.HEAVY).body().getBytes(StandardCharsets.UTF_8).length;
            slowAnswer = http.post("/v1/evaluate", array(SLOW_CASES)).body().getBytes(StandardCharsets.UTF_8).length;
        }
        long budget = slowAnswer + 10 * one; // room for one more small answer, not for a 20-case one
        try (NanoguideService service = NanoguideService.start(LiveRules.fixed(TestKb.guide(), 10_000),
                ServiceOptions.defaults().withPort(0).withMaxAnswersHeldBytes(budget), false)) {
            Http http = new Http(service);
            String others = array(OTHER_CASES);
            try (Socket slow = new Socket()) {
                slow.setReceiveBufferSize(4096); // so the answer cannot all wait in this end's buffers
                slow.connect(new InetSocketAddress("127.0.0.1", service.port()));
                byte[] body = array(SLOW_CASES).getBytes(StandardCharsets.UTF_8);
                OutputStream out = slow.getOutputStream();
                out.write(("POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                awaitHeld(http, slowAnswer, "the slow client's whole answer held");

                Http.Reply refused = http.post("/v1/evaluate", others);
                assertEquals(503, refused.status(), refused.body());
                assertTrue(refused.contentType().startsWith("application/json"), refused.contentType());
                assertEquals(String.valueOf(HeldAnswers.RETRY_AFTER_SECONDS), refused.headers().firstValue("Retry-After").orElse("none"));
                assertTrue(refused.json().get("error").asText().contains("bytes of answers that their clients have not read yet"),
                        refused.body());
                assertEquals(slowAnswer, http.metric("nanoguide_answers_held_bytes"), "the refused answer gave its share back");

                Http.Reply small = http.post("/v1/evaluate", OutOfMemoryTest.HEAVY);
                assertEquals(200, small.status(), "an answer that fits is served meanwhile: " + small.body());
            }
            // the slow client is gone: its answer's bytes are given back
            awaitHeld(http, 0, "nothing held once the slow client closed");
            Http.Reply served = http.post("/v1/evaluate", others);
            assertEquals(200, served.status(), served.body());
            assertEquals(0, http.metric("nanoguide_answers_held_bytes"));
        }
    }

    private static String array(int n) { return "[" + String.join(",", Collections.nCopies(n, OutOfMemoryTest.HEAVY)) + "]"; }

    private static void awaitHeld(Http http, long bytes, String what) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        long last = -1;
        while (Instant.now().isBefore(end)) {
            last = http.metric("nanoguide_answers_held_bytes");
            if (last == bytes) return;
            Thread.sleep(50);
        }
        throw new AssertionError(what + ": expected " + bytes + " bytes held, last " + last);
    }
}
