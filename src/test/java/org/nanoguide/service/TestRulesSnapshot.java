package org.nanoguide.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A copy of a rules folder without one file (the rules as they were before an edit). */
final class TestRulesSnapshot {
    private TestRulesSnapshot() { }

    static Path without(Path rules, String file, Path into) throws IOException {
        Files.createDirectories(into);
        try (Stream<Path> walk = Files.walk(rules)) {
            for (Path p : walk.toList()) {
                String rel = rules.relativize(p).toString();
                if (rel.equals(file) || rel.startsWith(".")) continue;
                Path target = into.resolve(rel);
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return into;
    }
}
