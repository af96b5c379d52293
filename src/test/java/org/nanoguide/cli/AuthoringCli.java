package org.nanoguide.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.nanoguide.TestKb;

/** Runs the nanoguide command line in-process and captures what it prints; copies rule folders for tests. */
public final class AuthoringCli {
    public record Run(int code, String out, String err) {
        public String all() { return out + err; }
    }

    private AuthoringCli() { }

    public static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            System.out.flush();
            System.err.flush();
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** A copy of the project's rules/ under {@code dir}/rules. */
    public static Path copyRules(Path dir) throws IOException {
        Path target = dir.resolve("rules");
        copyTree(TestKb.RULES, target);
        return target;
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    public static final String HEADER = "package org.nanoguide.rules;\n\nimport org.nanoguide.model.*;\nimport org.nanoguide.facts.*;\n\n";
}
