package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;

/** `nanoguide serve` itself: its usage errors, and a real process that stops gracefully on SIGTERM. */
class ServeCommandTest {

    @Test
    void usageErrorsExitTwoWithoutStarting() {
        Cli.Run noFolder = Cli.run("serve", "--watch", "--port", "0");
        assertEquals(2, noFolder.status(), noFolder.err());
        assertTrue(noFolder.err().contains("--watch needs a rules folder"), noFolder.err());

        Cli.Run port = Cli.run("serve", "--port", "70000");
        assertEquals(2, port.status());
        assertTrue(port.err().contains("port must be between 0 and 65535"), port.err());

        Cli.Run body = Cli.run("serve", "--max-body", "0", "--port", "0");
        assertEquals(2, body.status());
        assertTrue(body.err().contains("max body must be at least 1 byte"), body.err());

        Cli.Run help = Cli.run("serve", "--help");
        assertEquals(0, help.status());
        for (String option : List.of("--host", "--port", "--rules", "--watch", "--max-body", "--threads", "--timeout-ms")) {
            assertTrue(help.out().contains(option), "help shows " + option);
        }
    }

    @Test
    void rulesThatCannotBeServedExitTwo(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        Files.writeString(rules.resolve("zz.drl"), RuleDirs.HEADER + "rule \"no id\" when then end\n");
        Cli.Run run = Cli.run("serve", "--rules", rules.toString(), "--port", "0");
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("zz.drl:"), run.err());
        assertTrue(run.err().contains("no @id"), run.err());
    }

    @Test
    void aPortInUseExitsTwoWithItsOwnMessageAlone() throws Exception {
        try (NanoguideService other = NanoguideService.start(LiveRules.fixed(TestKb.guide(), 10_000),
                ServiceOptions.defaults().withPort(0), false)) {
            // a real process, so that what it logs reaches its output as it would a user's terminal
            try (ServeProcess serve = ServeProcess.start(List.of(), "--rules", TestKb.RULES.toString(), "--watch",
                    "--port", String.valueOf(other.port()))) {
                assertTrue(serve.process.waitFor(60, TimeUnit.SECONDS), "gives up: " + serve.output());
                serve.awaitOutputEnd();
                String all = serve.output();
                assertEquals(2, serve.process.exitValue(), all);
                List<String> lines = all.strip().lines().toList();
                assertEquals(1, lines.size(), "the clear message and nothing else (no ERROR, no stopping, no stack): " + all);
                assertTrue(lines.get(0).startsWith("nanoguide serve: cannot listen on 127.0.0.1:" + other.port() + ": ")
                        && lines.get(0).contains("already in use"), all);
            }
            assertEquals(200, new Http(other).get("/v1/health").status(), "the service on the port is unharmed");
        }
    }

    @Test
    void aRealProcessServesAndStopsGracefullyOnSigterm() throws Exception {
        try (ServeProcess serve = ServeProcess.start(List.of(), "--rules", TestKb.RULES.toString(), "--port", "0")) {
            Http http = new Http(serve.base());
            assertEquals("ok", http.get("/v1/health").json().get("status").asText());
            assertEquals(200, http.post("/v1/evaluate", Cases.DEEP).status());

            serve.process.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
            assertTrue(serve.process.waitFor(30, TimeUnit.SECONDS), "stops after SIGTERM");
            serve.awaitOutputEnd();
            String all = serve.output();
            assertTrue(all.contains("NanoguideService - stopping") && all.contains("NanoguideService - stopped"),
                    "stopped through the shutdown hook: " + all);
            assertFalse(all.contains("Exception"), all);
        }
    }
}
