package org.nanoguide.render;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cohort table's rows, kept until the summary above them is complete: in memory while they
 * are few, then in a temporary file, so a page over any number of cases needs the same memory.
 * The file is removed when the rows are written out (and at exit, if they never are).
 */
final class RowSpool implements AutoCloseable {
    /** Rows held in memory before they go to a file. */
    private static final int IN_MEMORY = 2_000;
    private final StringBuilder held = new StringBuilder();
    private int rows;
    private Path file;
    private BufferedWriter writer;

    void add(String row) {
        rows++;
        try {
            if (writer != null) {
                writer.write(row);
                return;
            }
            held.append(row);
            if (rows > IN_MEMORY) {
                file = Files.createTempFile("nanoguide-rows-", ".html");
                file.toFile().deleteOnExit();
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                writer.write(held.toString());
                held.setLength(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the cohort table's rows in a temporary file: " + e.getMessage(), e);
        }
    }

    /** Writes every row, in the order added, to {@code out}. */
    void writeTo(Output out) {
        if (writer == null) {
            out.print(held.toString());
            return;
        }
        try {
            writer.close();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                char[] buf = new char[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) out.print(new String(buf, 0, n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the cohort table's rows: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (writer != null) writer.close();
            if (file != null) Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is removed at exit
        }
    }
}
