package org.nanoguide.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * An input stream read one line of bytes at a time. Lines stay bytes, each decoded on its own by
 * whoever parses it, so a bad byte in one line cannot spoil the next; and {@link #ready()} says
 * whether a line can be had without blocking, which a reader of a slow pipe needs.
 */
final class ByteLines {
    private final InputStream in;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(2048);
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int limit;

    ByteLines(InputStream in) { this.in = in; }

    /** One line as bytes, without its line break; null at the end. */
    byte[] readLine() throws IOException {
        buf.reset();
        boolean any = false;
        while (true) {
            if (pos >= limit) {
                limit = in.read(chunk, 0, chunk.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) return null;
                    break;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && chunk[pos] != '\n') pos++;
            buf.write(chunk, start, pos - start);
            if (pos < limit) {
                pos++;
                break;
            }
        }
        byte[] out = buf.toByteArray();
        int len = out.length;
        if (len > 0 && out[len - 1] == '\r') out = Arrays.copyOf(out, len - 1);
        return out;
    }

    /** Whether more input (or its end) is here already: read but not handed out, or waiting in the stream. */
    boolean ready() {
        if (pos < limit) return true;
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return true; // the next read reports it
        }
    }

    void close() throws IOException { in.close(); }
}
