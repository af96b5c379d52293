package org.nanoguide.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * An input stream read one line of bytes at a time. Lines stay bytes, each decoded on its own by
 * whoever parses it, so a bad byte in one line cannot spoil the next; and {@link #ready()} says
 * whether a line can be had without blocking, which a reader of a slow pipe needs.
 *
 * <p>A line is kept only up to a limit: the rest of a longer line is read and dropped, so that
 * no line, however long, can exhaust memory, and the line after it is read as usual. A "line"
 * that has no line break within {@link #GIVE_UP} bytes (such as {@code /dev/zero} on standard
 * input) ends the reading, since no line can follow it in any useful time.
 */
final class ByteLines {
    /** A line longer than this is no NDJSON a person or program meant to write. */
    static final long GIVE_UP = 1L << 30;

    /** A line over the limit: {@link #overlong} says how long, {@link #endless} whether it ever ended. */
    static final byte[] OVERLONG = new byte[0];

    private final InputStream in;
    private final int maxLine;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(2048);
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int limit;
    private long overlong;
    private boolean endless;

    ByteLines(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /**
     * One line as bytes, without its line break; {@link #OVERLONG} for a line over the limit
     * (read past, not kept); null at the end.
     */
    byte[] readLine() throws IOException {
        buf.reset();
        boolean any = false;
        long length = 0;
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
            length += pos - start;
            if (length <= maxLine + 1) buf.write(chunk, start, pos - start); // + 1: room for a CR before the LF
            if (pos < limit) {
                pos++;
                break;
            }
            if (length > GIVE_UP) {
                endless = true;
                break;
            }
        }
        if (length > maxLine + 1 || endless) {
            overlong = length;
            return OVERLONG;
        }
        byte[] out = buf.toByteArray();
        int len = out.length;
        if (len > 0 && out[len - 1] == '\r') out = Arrays.copyOf(out, len - 1);
        if (out.length > maxLine) {
            overlong = out.length;
            return OVERLONG;
        }
        return out;
    }

    /** The length in bytes of the last {@link #OVERLONG} line (as far as it was read). */
    long overlong() { return overlong; }

    /** Whether the last {@link #OVERLONG} line had no end within {@link #GIVE_UP} bytes: nothing more is read. */
    boolean endless() { return endless; }

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
