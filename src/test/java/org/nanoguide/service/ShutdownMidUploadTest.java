package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;

/**
 * SIGTERM while a request body is half uploaded (adversarial review #43): the request is
 * finished or refused as the server's doing (503), never blamed on the client (400).
 */
class ShutdownMidUploadTest {

    @Test
    void anUploadCutByShutdownIsNeverAClientError() throws Exception {
        NanoguideService service = NanoguideService.start(LiveRules.fixed(TestKb.guide(), 10_000),
                ServiceOptions.defaults().withPort(0), false);
        byte[] body = Cases.DEEP.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", service.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(500); // the request is reading its body
            Thread stopper = new Thread(service::close);
            stopper.start();
            Thread.sleep(2000); // past the second Jetty gives uploads on a graceful stop
            try {
                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();
            } catch (java.io.IOException cut) {
                // the server may have cut the connection already: then the answer was sent before
            }
            String answer = SlowAndGreedyClientsTest.readAnswer(s.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 200 ") || answer.startsWith("HTTP/1.1 503 "), answer);
            if (answer.startsWith("HTTP/1.1 503 ")) assertTrue(answer.contains("the service is stopping"), answer);
            stopper.join(30_000);
        } finally {
            service.close();
        }
    }
}
