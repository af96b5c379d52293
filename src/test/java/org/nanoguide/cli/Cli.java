package org.nanoguide.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the real command line in-process and captures what it prints. */
public final class Cli {
    public record Run(int status, String out, String err) { }

    private Cli() { }

    public static Run withStdin(String stdin, String... args) {
        return withStdin(stdin == null ? null : new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    /** With standard input read from a stream, such as one generated as it is read. */
    public static synchronized Run withStdin(InputStream stdin, String... args) {
        InputStream saved = System.in;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            if (stdin != null) System.setIn(stdin);
            CommandLine cl = Main.commandLine();
            cl.setOut(StdOut.of(out)); // as main() does: characters and NDJSON bytes through one buffer
            cl.setErr(new PrintWriter(err));
            int status = cl.execute(args);
            cl.getOut().flush();
            cl.getErr().flush();
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    public static Run run(String... args) { return withStdin((InputStream) null, args); }

    /** {@code evaluate} over the project's rules, in a format, of the inputs (and any further options). */
    public static Run evaluate(String format, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("evaluate", "--rules", org.nanoguide.TestKb.RULES.toString(), "--format=" + format));
        args.addAll(java.util.List.of(more));
        return run(args.toArray(String[]::new));
    }
}
