package org.nanoguide.model;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a path is when it is not a regular file, in words for a message: case folders and rules
 * folders both name such entries rather than skip them silently or open them (a named pipe
 * blocks its reader).
 */
public final class FileKind {
    private FileKind() { }

    /**
     * What a folder entry is when it is not a regular file (following links): {@code "a folder"},
     * {@code "a named pipe"}, {@code "a character device"}, a dangling link..., or null for a
     * regular file (or one whose type cannot be read, which reading it will report).
     */
    public static String of(Path p) {
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
    private static String special(Path p) {
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
