package org.nanoguide.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;

/** The shared CLI runner with the exit code named {@code code} and both streams together; copies rule folders for tests. */
public final class AuthoringCli {
    public record Run(int code, String out, String err) {
        public String all() { return out + err; }
    }

    private AuthoringCli() { }

    /** Runs through the shared in-process runner {@link Cli}, which captures picocli's out and err. */
    public static Run run(String... args) {
        Cli.Run r = Cli.run(args);
        return new Run(r.status(), r.out(), r.err());
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

    public static final String HEADER = TestKb.DRL_HEADER;
}
