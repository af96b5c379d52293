package org.nanoguide.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.nanoguide.render.Output;

/**
 * Standard output as picocli's character writer and, for NDJSON results the worker threads have
 * already encoded as UTF-8, as bytes: both go through one buffer, in the order they were written,
 * so the thread that writes the output only copies bytes.
 */
final class StdOut extends PrintWriter implements Output {
    private final OutputStream bytes;
    /** Set when a write to the stream fails (the reader went away: a closed pipe; or the disk is full). */
    private volatile boolean failed;
    /** Why the first write failed, as the system said it ("Broken pipe", "No space left on device"). */
    private volatile String why;

    private StdOut(BufferedOutputStream bytes, KeepBuffered chars) {
        super(new OutputStreamWriter(chars, StandardCharsets.UTF_8));
        this.bytes = bytes;
        chars.owner = this;
    }

    /** UTF-8 characters and raw bytes to {@code out}, through a 64 KiB buffer. */
    static StdOut of(OutputStream out) {
        BufferedOutputStream bytes = new BufferedOutputStream(out, 1 << 16);
        return new StdOut(bytes, new KeepBuffered(bytes));
    }

    /** Writes bytes after any characters written before them. */
    @Override
    public void writeBytes(byte[] b) {
        super.flush(); // characters into the byte buffer; the buffer itself is not flushed
        try {
            bytes.write(b);
        } catch (IOException e) {
            fail(e);
        }
    }

    /**
     * Whether output has been lost because the stream refused a write (such as standard output
     * piped into a reader that has exited). Unlike {@link #checkError()}, it flushes nothing.
     */
    boolean failed() { return failed; }

    /**
     * What went wrong with the stream, for the message that ends the run: a reader that went away
     * and a full disk call for different remedies, so they are not both told as a closed pipe.
     */
    String failure() {
        String w = why;
        return w == null || w.contains("Broken pipe") ? "was closed (its reader went away)" : "could not be written (" + w + ")";
    }

    private void fail(IOException e) {
        if (why == null) why = e.getMessage();
        failed = true;
        setError();
    }

    @Override
    public void flush() {
        super.flush();
        try {
            bytes.flush();
        } catch (IOException e) {
            fail(e);
        }
    }

    /** The character writer's flush moves characters into the shared buffer, never to the stream. */
    private static final class KeepBuffered extends FilterOutputStream {
        StdOut owner;

        KeepBuffered(OutputStream out) { super(out); }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                owner.fail(e);
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

        @Override
        public void flush() { }

        @Override
        public void close() throws IOException { out.close(); }
    }
}
