package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;

/**
 * The attacks of the adversarial review on the service's request and answer sizes and times
 * (defects 1, 3 and 11), each on a real socket on 127.0.0.1, as the attacker sent them.
 */
class SlowAndGreedyClientsTest {
    static final int BODY_TIMEOUT_MS = 1500;
    static NanoguideService service;

    @BeforeAll
    static void start() throws Exception {
        service = NanoguideService.start(LiveRules.fixed(TestKb.guide(), 10_000), ServiceOptions.defaults().toBuilder().port(0)
                .bodyTimeout(Duration.ofMillis(BODY_TIMEOUT_MS)).maxCases(5).maxAnswerBytes(200_000).build(), false);
    }

    @AfterAll
    static void stop() {
        if (service != null) service.close();
    }

    /** Sends {@code head} (and {@code body}), then reads the whole answer; the socket gives up after {@code timeoutMs}. */
    static String exchange(String head, byte[] body, int timeoutMs) throws IOException {
        try (Socket s = new Socket("127.0.0.1", service.port())) {
            s.setSoTimeout(timeoutMs);
            // head and body in one write, as HTTP clients send a small request: two writes can leave
            // the body in the client's buffer (Nagle) while the server decides whether it has arrived
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            if (body != null) request.writeBytes(body);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return readAnswer(s.getInputStream());
        }
    }

    /** The answer up to the end of its body (Content-Length), or what came before the connection closed. */
    static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (true) {
            String text = got.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text.substring(0, end));
                if (m.find() && got.size() >= end + 4 + Integer.parseInt(m.group(1))) return text;
            }
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                return text + "\n(no more within the time limit)";
            } catch (IOException e) {
                return text;
            }
            if (n < 0) return text;
            got.write(buf, 0, n);
        }
    }

    static String post(String contentType, String extraHeaders, byte[] body) {
        return "POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: " + contentType + "\r\n" + extraHeaders
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
    }

    static String evaluate(String json, int timeoutMs) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return exchange(post("application/json", "", body), body, timeoutMs);
    }

    static void assertStatus(int status, String answer, String contains) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
        assertTrue(answer.contains("application/json"), answer);
        assertTrue(answer.contains("\"status\":" + status), answer);
        assertTrue(answer.contains(contains), () -> "expected \"" + contains + "\" in " + answer);
    }

    @Test
    void threeHundredSlowBodiesLeaveHealthAndEvaluationAnswering() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket s = new Socket("127.0.0.1", service.port());
                s.getOutputStream().write(("POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n ").getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            long end = System.nanoTime() + 4L * BODY_TIMEOUT_MS * 1_000_000;
            int probes = 0;
            while (System.nanoTime() < end) {
                for (Socket s : slow) {
                    try {
                        s.getOutputStream().write(' '); // a byte at a time, as the attack did
                    } catch (IOException cut) {
                        // the server cut it: what should happen
                    }
                }
                String health = exchange("GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", null, 5000);
                assertTrue(health.startsWith("HTTP/1.1 200 "), "health during the attack: " + health);
                String advice = evaluate(Cases.DEEP, 5000);
                assertTrue(advice.startsWith("HTTP/1.1 200 "), "evaluation during the attack: " + advice);
                probes++;
                Thread.sleep(300);
            }
            assertTrue(probes >= 3, "probed " + probes + " times");
        } finally {
            for (Socket s : slow) s.close();
        }
    }

    @Test
    void aBodyTricklingInIsCutAtTheBodyTimeoutWithA408() throws Exception {
        try (Socket s = new Socket("127.0.0.1", service.port())) {
            s.setSoTimeout(BODY_TIMEOUT_MS + 5000);
            OutputStream out = s.getOutputStream();
            out.write("POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        out.write(' ');
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    // cut by the server
                }
            });
            writer.setDaemon(true);
            writer.start();
            String answer = readAnswer(s.getInputStream());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertStatus(408, answer, "did not arrive in time");
            assertTrue(ms < BODY_TIMEOUT_MS + 3000, "cut after " + ms + " ms");
        }
    }

    @Test
    void aBodyThatStopsArrivingIsCutAtTheBodyTimeoutNotTheIdleTimeout() throws Exception {
        long start = System.nanoTime();
        String answer = exchange("POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
                null, BODY_TIMEOUT_MS + 5000);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertStatus(408, answer, "did not arrive in time");
        assertTrue(ms < BODY_TIMEOUT_MS + 3000, "cut after " + ms + " ms");
    }

    @Test
    void tooManyCasesInOneRequestIs413NamingTheLimit() throws Exception {
        String six = "[" + String.join(",", List.of(Cases.DEEP, Cases.DEEP, Cases.DEEP, Cases.DEEP, Cases.DEEP, Cases.DEEP)) + "]";
        assertStatus(413, evaluate(six, 10_000), "the request holds 6 cases, over the limit of 5 cases per request");
        String five = "[" + String.join(",", List.of(Cases.DEEP, Cases.HER2, Cases.DEEP, Cases.BLOOD, Cases.DEEP)) + "]";
        assertTrue(evaluate(five, 10_000).startsWith("HTTP/1.1 200 "), "five is within it");
    }

    @Test
    void anAnswerOverItsLimitIs413NamingTheLimitNotAnOutOfMemoryError() throws Exception {
        int one = org.nanoguide.Nanoguide.toJson(TestKb.guide().evaluate(Cases.HEAVY_METAL)).getBytes(StandardCharsets.UTF_8).length;
        long limit = 2L * one + 3; // two results in an array fit, three do not
        try (NanoguideService small = NanoguideService.start(LiveRules.fixed(TestKb.guide(), 10_000),
                ServiceOptions.defaults().withPort(0).withMaxAnswerBytes(limit), false)) {
            Http http = new Http(small);
            Http.Reply two = http.post("/v1/evaluate", "[" + Cases.HEAVY_METAL + "," + Cases.HEAVY_METAL + "]");
            assertEquals(200, two.status(), two.body());
            Http.Reply three = http.post("/v1/evaluate", "[" + Cases.HEAVY_METAL + "," + Cases.HEAVY_METAL + "," + Cases.HEAVY_METAL + "]");
            assertEquals(413, three.status(), three.body());
            assertEquals("the answer would be over the limit of " + limit + " bytes (reached at case 3 of 3); send fewer cases per request",
                    three.json().get("error").asText());
        }
    }

    @Test
    void expectContinueWithAnOversizedBodyIsRefusedAtOnce() throws Exception {
        long start = System.nanoTime();
        String answer = exchange("POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                + "Content-Length: 5000000\r\n\r\n", null, 5000);
        assertStatus(413, answer, "request body of 5000000 bytes is over the limit of 1048576 bytes");
        assertTrue(!answer.contains("100 Continue"), "never asked for the body: " + answer);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 3000);
    }

    @Test
    void utf16AndUtf32BodiesAreRefusedWhateverTheirLabel() throws Exception {
        String json = "{\"tumor\":{\"type\":\"LUNG\"}}";
        for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-16")) {
            byte[] body = json.getBytes(java.nio.charset.Charset.forName(charset));
            assertStatus(415, exchange(post("application/json; charset=utf-8", "", body), body, 5000), "not UTF-8");
        }
        byte[] utf32 = json.getBytes(java.nio.charset.Charset.forName("UTF-32LE"));
        assertStatus(415, exchange(post("application/json", "", utf32), utf32, 5000), "not UTF-8");
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        assertTrue(exchange(post("application/json; charset=utf-8", "", utf8), utf8, 5000).startsWith("HTTP/1.1 200 "));
    }

    @Test
    void hugeThreadCountsAreUsageErrors() {
        Cli.Run serve = Cli.run("serve", "--threads", "5000000", "--port", "0");
        assertEquals(2, serve.status(), serve.err());
        assertTrue(serve.err().contains("threads must be between 1 and 1024"), serve.err());
        Cli.Run evaluate = Cli.run("evaluate", "--threads", "40000000", "x.json");
        assertEquals(2, evaluate.status(), evaluate.err());
        assertTrue(evaluate.err().contains("--threads must be between 1 and 1024"), evaluate.err());
    }
}
