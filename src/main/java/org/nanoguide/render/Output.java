package org.nanoguide.render;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Where an output format writes: text, and text already encoded as UTF-8 (NDJSON lines rendered
 * on worker threads), in the order written.
 */
public interface Output {
    void print(String text);

    /** UTF-8 bytes, after everything printed before them. */
    void writeBytes(byte[] utf8);

    /** Any character writer: bytes are decoded and printed. */
    static Output of(PrintWriter out) {
        return new Output() {
            @Override
            public void print(String text) { out.print(text); }

            @Override
            public void writeBytes(byte[] utf8) { out.print(new String(utf8, StandardCharsets.UTF_8)); }
        };
    }
}
