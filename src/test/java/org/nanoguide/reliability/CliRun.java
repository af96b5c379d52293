package org.nanoguide.reliability;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.nanoguide.cli.Main;
import picocli.CommandLine;

/** Runs the real CLI in this JVM and captures standard output and standard error. */
final class CliRun {
    final int status;
    final String out;
    final String err;

    private CliRun(int status, String out, String err) {
        this.status = status;
        this.out = out;
        this.err = err;
    }

    static synchronized CliRun run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int status;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(err, true));
            status = cl.execute(args);
            System.out.flush();
        } finally {
            System.setOut(saved);
        }
        return new CliRun(status, bytes.toString(StandardCharsets.UTF_8), err.toString());
    }
}
