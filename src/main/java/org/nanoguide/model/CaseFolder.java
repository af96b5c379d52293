package org.nanoguide.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a folder given as input holds, every entry accounted for in name order: a case file to
 * read, a case file that cannot be read (a dangling link, a link loop, a folder or a named pipe
 * named like one) refused with the reason, or an entry that is not a case file at all, named so
 * that nothing vanishes without a word. Only regular files are read: a named pipe could block
 * the batch forever and a device could be endless.
 */
final class CaseFolder {
    /** One entry of the folder, with how the batch treats it. */
    sealed interface Entry {
        String path();
    }

    /** A case file: read as a case document ({@code .json}) or NDJSON ({@code .ndjson}). */
    record Read(String path) implements Entry { }

    /** Named like a case file but not one that can be read: a rejected input. */
    record Refused(String path, String why) implements Entry { }

    /** Not a case file: named on stderr, not counted. */
    record NotCases(String path, String why) implements Entry { }

    private CaseFolder() { }

    static boolean isCaseFileName(String name) {
        return name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".csv");
    }

    /** Every entry of the folder, in name order; hidden entries that are not case files are left out, as {@code ls} does. */
    static List<Entry> list(Path dir) throws IOException {
        List<Path> all;
        try (Stream<Path> list = Files.list(dir)) {
            all = list.sorted(Comparator.comparing(Path::toString)).toList();
        }
        List<Entry> out = new ArrayList<>(all.size());
        for (Path p : all) {
            String name = p.getFileName().toString();
            boolean cases = isCaseFileName(name);
            if (!cases && name.startsWith(".")) continue;
            String kind = FileKind.of(p);
            if (kind == null) {
                out.add(cases ? new Read(p.toString()) : new NotCases(p.toString(), "not a .json, .ndjson or .csv file"));
            } else if (cases) {
                out.add(new Refused(p.toString(), kind + ", not a case file; inside a folder only regular files are read"));
            } else {
                out.add(new NotCases(p.toString(), kind + (kind.startsWith("a folder") ? " (folders inside a folder are not read)" : "")));
            }
        }
        return out;
    }
}
