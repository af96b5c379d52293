package org.nanoguide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher keeps a running {@code serve} alive when the jar beside it is rebuilt: the real
 * {@code ./nanoguide} script starts the service from a jar in {@code target/}, the jar is then
 * rewritten in place as {@code mvn package} does, and the service must still answer requests that
 * load classes and resources it had not loaded before.
 *
 * <p>The test phase runs before the jar is packaged, so the test makes its own jar of the compiled
 * classes (the dependencies stay on the class path through the manifest) in a copy of the project.
 */
class LauncherTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aRunningServerSurvivesTheJarBeingRebuiltUnderIt(@TempDir Path tmp) throws Exception {
        Path clone = tmp.resolve("clone");
        Files.createDirectories(clone.resolve("target"));
        Files.copy(TestKb.ROOT.resolve("nanoguide"), clone.resolve("nanoguide"));
        assertTrue(clone.resolve("nanoguide").toFile().setExecutable(true));
        org.nanoguide.check.AuthoringCli.copyTree(TestKb.RULES, clone.resolve("rules"));
        Path jar = clone.resolve("target/nanoguide.jar");
        writeJar(jar);

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(clone.resolve("nanoguide").toString(), "serve", "--port", Integer.toString(port))
                .directory(clone.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("serve.log").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
        Process server = pb.start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitHealth(base, server, tmp.resolve("serve.log"));

            // rewritten in place, as the build does: the same file, other bytes
            try (OutputStream out = Files.newOutputStream(jar, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                out.write("not the jar the server started from".getBytes(StandardCharsets.US_ASCII));
            }

            HttpResponse<String> evaluated = post(base + "/v1/evaluate?trace=true",
                    "{\"tumor\": {\"type\": \"GLIOBLASTOMA\", \"depthCm\": 6}, \"resources\": {\"alternatingMagneticField\": true}}");
            assertEquals(200, evaluated.statusCode(), evaluated.body() + "\n" + Files.readString(tmp.resolve("serve.log")));
            assertTrue(evaluated.body().contains("\"IRON_OXIDE_NP\""), evaluated.body());
            HttpResponse<String> openApi = get(base + "/v1/openapi.json");
            assertEquals(200, openApi.statusCode(), openApi.body());
            assertTrue(openApi.body().contains("\"/v1/evaluate\""), openApi.body());
            assertTrue(server.isAlive(), "the server is still running");
        } finally {
            server.destroy();
            if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) server.destroyForcibly();
        }
    }

    /** A jar of target/classes whose manifest puts the dependencies (from the test's class path) on the class path. */
    static void writeJar(Path jar) throws IOException {
        Path classes = TestKb.ROOT.resolve("target/classes");
        List<String> deps = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) deps.add(Path.of(entry).toUri().toString());
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.nanoguide.cli.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", deps));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    private static void awaitHealth(String base, Process server, Path log) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until) {
            if (!server.isAlive()) fail("the server stopped: " + Files.readString(log));
            try {
                if (get(base + "/v1/health").statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        fail("the server did not answer within 90 s: " + Files.readString(log));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
