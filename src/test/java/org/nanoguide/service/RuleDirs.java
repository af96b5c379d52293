package org.nanoguide.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.nanoguide.TestKb;

/** Copies of the project's rules/ that tests may edit. */
final class RuleDirs {
    static final String HEADER = """
        package org.nanoguide.rules;

        import org.nanoguide.model.*;
        import org.nanoguide.facts.*;

        """;

    private RuleDirs() { }

    static Path copyOfRules(Path into) throws IOException {
        Path dir = into.resolve("rules");
        try (Stream<Path> walk = Files.walk(TestKb.RULES)) {
            for (Path p : walk.toList()) {
                Path target = dir.resolve(TestKb.RULES.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    /** Writes a file whole, through a rename, as editors do, so a reload never sees half of it. */
    static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
