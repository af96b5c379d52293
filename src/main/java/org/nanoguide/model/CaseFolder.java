package org.nanoguide.model;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
            String kind = kind(p);
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

    /**
     * What the entry is when it is not a regular file (following links): {@code "a folder"},
     * {@code "a named pipe"}, {@code "a character device"}, a dangling link..., or null for a
     * regular file (or one whose type cannot be read, which reading it will report).
     */
    static String kind(Path p) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Files.isSymbolicLink(p) ? "a symbolic link to a missing file" : "a file that is gone";
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(p) && e.getReason() != null && e.getReason().contains("symbolic links")) {
                return "a symbolic link loop";
            }
            return null;
        } catch (IOException e) {
            return null;
        }
        if (a.isRegularFile()) return null;
        if (a.isDirectory()) return "a folder";
        return special(p);
    }

    /** The kind of a file that is neither regular nor a folder, by its Unix file type where the platform tells it. */
    static String special(Path p) {
        try {
            int type = ((Integer) Files.getAttribute(p, "unix:mode")) & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "not a regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "not a regular file";
        }
    }
}
