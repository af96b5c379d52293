package org.nanoguide.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.nanoguide.TestKb;

/** Copies of the project's rules/ that tests may edit. */
final class RuleDirs {
    static final String HEADER = TestKb.DRL_HEADER;

    private RuleDirs() { }

    static Path copyOfRules(Path into) throws IOException {
        return TestKb.copyOfRules(into);
    }

    /** Writes a file whole, through a rename, as editors do, so a reload never sees half of it. */
    static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
