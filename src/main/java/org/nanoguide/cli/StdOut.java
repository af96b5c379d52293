package org.nanoguide.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as picocli's character writer and, for NDJSON results the worker threads have
 * already encoded as UTF-8, as bytes: both go through one buffer, in the order they were written,
 * so the thread that writes the output only copies bytes.
 */
final class StdOut extends PrintWriter {
    private final OutputStream bytes;

    private StdOut(BufferedOutputStream bytes) {
        super(new OutputStreamWriter(new KeepBuffered(bytes), StandardCharsets.UTF_8));
        this.bytes = bytes;
    }

    /** UTF-8 characters and raw bytes to {@code out}, through a 64 KiB buffer. */
    static StdOut of(OutputStream out) {
        return new StdOut(new BufferedOutputStream(out, 1 << 16));
    }

    /** Writes bytes after any characters written before them. */
    void writeBytes(byte[] b) {
        super.flush(); // characters into the byte buffer; the buffer itself is not flushed
        try {
            bytes.write(b);
        } catch (IOException e) {
            setError();
        }
    }

    @Override
    public void flush() {
        super.flush();
        try {
            bytes.flush();
        } catch (IOException e) {
            setError();
        }
    }

    /** The character writer's flush moves characters into the shared buffer, never to the stream. */
    private static final class KeepBuffered extends FilterOutputStream {
        KeepBuffered(OutputStream out) { super(out); }

        @Override
        public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

        @Override
        public void flush() { }

        @Override
        public void close() throws IOException { out.close(); }
    }
}
