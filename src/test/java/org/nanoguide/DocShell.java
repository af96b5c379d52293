package org.nanoguide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs shell commands as a reader of the docs would, in a fresh copy of the project: real bash,
 * real processes, {@code ./nanoguide} and {@code nanoguide} being the program itself. The copy
 * holds what a clone holds that the commands use (rules/, cases/, docs/, and ../shared beside it); the launcher there
 * starts the compiled classes directly, because the test phase runs before the jar is packaged
 * (the launcher's own build-on-first-use is the one step not taken).
 *
 * <p>The service listens on a free port instead of the documented 8080, so that builds running
 * side by side never collide: {@code 8080} in a command becomes that port. A {@code serve}
 * command is started, waited for until {@code /v1/health} answers, and stopped at the next
 * {@code serve} or at {@link #close()}.
 */
final class DocShell implements AutoCloseable {
    private static final Pattern EXIT = Pattern.compile("#.*\\(exit (\\d)\\)");
    private static final Pattern SERVE = Pattern.compile("^(\\./)?nanoguide serve\\b");
    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(3);

    record Ran(String command, int status, String out, String err) { }

    private final Path clone;
    private final Path logs;
    private final int port;
    private Process server;
    private String serverCommand;
    private int logCount;

    DocShell(Path tmp) throws IOException {
        this.clone = Files.createDirectories(tmp.resolve("clone"));
        this.logs = Files.createDirectories(tmp.resolve("logs"));
        for (String dir : List.of("rules", "cases", "docs")) org.nanoguide.check.AuthoringCli.copyTree(TestKb.ROOT.resolve(dir), clone.resolve(dir));
        Files.copy(TestKb.ROOT.resolve("README.md"), clone.resolve("README.md"));
        // the docs verify quotes against ../shared/seeds, which sits beside a clone as beside this checkout
        Path seeds = TestKb.ROOT.resolve("../shared/seeds").toAbsolutePath().normalize();
        if (Files.isDirectory(seeds)) org.nanoguide.check.AuthoringCli.copyTree(seeds, tmp.resolve("shared/seeds"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path launcher = clone.resolve("nanoguide");
        Files.writeString(launcher, "#!/usr/bin/env bash\n"
                + "exec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xshare:auto"
                + " -cp '" + System.getProperty("java.class.path") + "'"
                + " -Dnanoguide.home='" + clone + "' -Dnanoguide.stderr.tty=false org.nanoguide.cli.Main \"$@\"\n");
        assertTrue(launcher.toFile().setExecutable(true));
        this.port = freePort();
    }

    Path project() { return clone; }

    /** One command as written; {@code serve} is started in the background, everything else run to its end. */
    Ran run(String command) throws Exception {
        String local = command.replace("8080", Integer.toString(port));
        if (SERVE.matcher(command).find()) {
            startServer(command.contains("--port ") ? local.replaceAll("--port \\d+", "--port " + port)
                    : local.replaceFirst("serve", "serve --port " + port));
            return new Ran(command, 0, "", "");
        }
        Path out = logs.resolve(++logCount + ".out");
        Path err = logs.resolve(logCount + ".err");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "set -o pipefail\n" + local)
                .directory(clone.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PATH", clone + ":" + System.getenv("PATH"));
        Process p = pb.start();
        if (!p.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("still running after " + COMMAND_LIMIT + ": " + command);
        }
        return new Ran(command, p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Runs a command and checks that it ends with the status its text implies: 0, or the {@code (exit N)} of its comment. */
    Ran check(String command) throws Exception {
        Ran r = run(command);
        Matcher m = EXIT.matcher(command);
        int expected = m.find() ? Integer.parseInt(m.group(1)) : 0;
        assertEquals(expected, r.status(), () -> "`" + command + "` exited " + r.status()
                + "\n--- stderr:\n" + tail(r.err()) + "\n--- stdout:\n" + tail(r.out()));
        if (command.startsWith("curl ")) {
            assertFalse(r.out().startsWith("{\"error\""), () -> "`" + command + "` answered an error: " + r.out());
        }
        return r;
    }

    /** The commands of a shell block: continuation lines joined, blank and comment-only lines left out. */
    static List<String> commands(String block) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.split("\n")) {
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String cmd = current.toString().strip().replaceAll("\\s+", " ");
            current.setLength(0);
            if (!cmd.isEmpty() && !cmd.startsWith("#")) out.add(cmd);
        }
        return out;
    }

    private void startServer(String command) throws Exception {
        stopServer();
        Path err = logs.resolve(++logCount + ".serve");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "exec " + command)
                .directory(clone.toFile()).redirectErrorStream(true).redirectOutput(err.toFile());
        pb.environment().put("PATH", clone + ":" + System.getenv("PATH"));
        server = pb.start();
        serverCommand = command;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) fail("`" + command + "` stopped at once:\n" + Files.readString(err));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        fail("`" + command + "` did not answer /v1/health within 90 s:\n" + Files.readString(err));
    }

    private void stopServer() throws InterruptedException {
        if (server == null) return;
        server.destroy(); // SIGTERM: the service's graceful shutdown
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly();
            fail("`" + serverCommand + "` did not stop within 30 s of SIGTERM");
        }
        server = null;
    }

    @Override
    public void close() throws InterruptedException {
        stopServer();
    }

    private static String tail(String s) {
        return s.length() > 4000 ? "..." + s.substring(s.length() - 4000) : s;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
