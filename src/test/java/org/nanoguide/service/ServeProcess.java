package org.nanoguide.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real {@code nanoguide serve} process on the test classpath, on the port it says it listens on. */
final class ServeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("GET (http://127\\.0\\.0\\.1:\\d+)/v1/health");

    final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<String> listening = new CompletableFuture<>();
    private final Thread reader;

    private ServeProcess(List<String> command) throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) listening.complete(m.group(1));
                }
            } catch (IOException e) {
                // the process is gone
            }
            listening.complete(null);
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java jvmOptions... org.nanoguide.cli.Main serve serveArgs...}. */
    static ServeProcess start(List<String> jvmOptions, String... serveArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "org.nanoguide.cli.Main", "serve"));
        command.addAll(List.of(serveArgs));
        return new ServeProcess(command);
    }

    /** Where it listens, once it says so. @throws AssertionError if it never does within a minute */
    URI base() throws Exception {
        String base = listening.get(60, TimeUnit.SECONDS);
        if (base == null) throw new AssertionError("never said where it listens: " + output());
        return URI.create(base);
    }

    /** Everything it printed so far (after {@link #awaitOutputEnd()}: everything). */
    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    void awaitOutputEnd() throws InterruptedException { reader.join(10_000); }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
