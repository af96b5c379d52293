package org.nanoguide.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The cases of one NDJSON input (a file or standard input), one a line, read a line at a time so
 * memory stays flat. Apart from {@link CaseSources}, which only decides which inputs there are,
 * because this is where the hard questions of a stream live: a first line that shows the input
 * was never NDJSON, a byte order mark, a producer that is slow or writes more after a bad start.
 */
final class NdjsonCases extends ReadAhead implements CaseSources.LineStream {
    /** How messages name standard input. */
    static final String STDIN = "stdin";

    /** Lines up to this many bytes are handed on unparsed, for a batch's worker threads to parse. */
    static final int DEFER_MAX = 64 * 1024;

    /**
     * How much of an input refused as a whole is still read, so that the program writing it is
     * not cut off mid-write: far more than any real producer sends after a bad start.
     */
    static final long DRAIN_LIMIT = 64L << 20;
    private final CaseReader reader;
    private final String name;
    private final ByteLines in;
    private final boolean closeAtEnd;
    private final boolean deferParsing;
    /** Hands out batch indices, shared with the other inputs so that they stay in order. */
    private final LongSupplier nextIndex;

    private long line;
    private boolean done;
    private boolean any;

    /** A line read ahead to judge the first one, with its line number; handed out next. */
    private byte[] ahead;
    private long aheadLine;

    /**
     * @param closeAtEnd     whether to close the stream at its end (not standard input, which is not ours)
     * @param deferParsing   lines come as {@link CaseInput.Deferred}, parsed by whoever resolves them
     */
    NdjsonCases(CaseReader reader, String name, InputStream in, boolean closeAtEnd, boolean deferParsing,
                LongSupplier nextIndex) {
        this.reader = reader;
        this.name = name;
        this.in = new ByteLines(in, CaseReader.MAX_CASE_BYTES);
        this.closeAtEnd = closeAtEnd;
        this.deferParsing = deferParsing;
        this.nextIndex = nextIndex;
    }

    private CaseInput reject(String source, String message) {
        return new CaseInput.Rejected(source, nextIndex.getAsLong(), source + ": " + message);
    }

    @Override
    public boolean hasNext() {
        while (next == null && !done) {
            byte[] doc;
            long lineNo;
            if (ahead != null) {
                doc = ahead;
                lineNo = aheadLine;
                ahead = null;
            } else {
                try {
                    doc = nextCaseLine();
                } catch (IOException e) {
                    line++;
                    next = new CaseInput.Rejected(name + ":" + line, nextIndex.getAsLong(),
                            name + ":" + line + ": cannot read: " + CaseSources.why(e));
                    done = true;
                    close();
                    break;
                }
                if (doc == null) {
                    done = true;
                    close();
                    if (!any) next = reject(name, "empty input: expected NDJSON, one case object a line, such as "
                            + "{\"tumor\": {\"type\": \"LUNG\"}}" + (name.equals(STDIN) ? " (nothing was piped in?)" : ""));
                    break;
                }
                lineNo = line;
                if (!any) {
                    any = true;
                    if (doc != ByteLines.OVERLONG && wholeInputIsNotNdjson(doc)) break;
                }
            }
            if (doc == ByteLines.OVERLONG) {
                next = overlong(lineNo);
                break;
            }
            long at = nextIndex.getAsLong();
            byte[] text = doc;
            long n = lineNo;
            // a long line is parsed here, not in the batch's window of deferred lines, so that
            // the window's memory stays small whatever the lines hold
            next = deferParsing && text.length <= DEFER_MAX
                    ? new CaseInput.Deferred(name + ":" + n, at, () -> reader.readLine(name, n, text, at))
                    : reader.readLine(name, n, text, at);
        }
        return next != null;
    }

    /**
     * A first line that is not a case line is judged with the line after it: when that one is
     * no JSON value either, the input was never NDJSON (a pretty-printed case, a CSV export),
     * and one message says so for the whole input instead of one per line. When it is, only
     * the first line is bad, and every other line is still read.
     */
    private boolean wholeInputIsNotNdjson(byte[] first) {
        String why = notNdjson(first, line);
        if (why == null) return false;
        byte[] second;
        try {
            second = nextCaseLine();
        } catch (IOException e) {
            second = null;
        }
        if (second != null && reader.isJsonValue(second)) {
            ahead = second;
            aheadLine = line;
            return false;
        }
        next = reject(name, why + "; " + (name.equals(STDIN)
                ? "standard input is read as NDJSON, one case per line; to evaluate a pretty-printed file, pass its path"
                : "an .ndjson file holds one case object a line; a pretty-printed case or an array belongs in a .json file"));
        drain();
        return true;
    }

    /** The next line that is not blank, without a byte order mark; null at the end. */
    private byte[] nextCaseLine() throws IOException {
        while (true) {
            byte[] bytes = in.readLine();
            if (bytes == null) return null;
            line++;
            if (bytes == ByteLines.OVERLONG) return bytes;
            int from = line == 1 ? Utf8Bom.length(bytes) : 0;
            if (!isBlank(bytes, from)) return from == 0 ? bytes : Arrays.copyOfRange(bytes, from, bytes.length);
        }
    }

    /** A line over the limit, rejected by name; reading goes on at the next line unless it never ended. */
    private CaseInput overlong(long lineNo) {
        String source = name + ":" + lineNo;
        if (in.endless()) {
            done = true;
            close();
            return new CaseInput.Rejected(nextIndex.getAsLong(), new CaseProblem(source, "$", 0, 0,
                    "no line break in the first " + ByteLines.GIVE_UP + " bytes of the line: not NDJSON (an endless "
                            + "stream such as /dev/zero?); the rest of " + (name.equals(STDIN) ? "standard input" : "the file")
                            + " is not read"));
        }
        return new CaseInput.Rejected(nextIndex.getAsLong(), new CaseProblem(source, "$", 0, 0,
                "the line is " + in.overlong() + " bytes long, over the limit of " + CaseReader.MAX_CASE_BYTES
                        + " bytes for one case (a case is a few KB); skipped, reading goes on at the next line"));
    }

    @Override
    public boolean ready() {
        return next != null || ahead != null || done || in.ready();
    }

    /**
     * Reads the rest of the input, so that a producer writing into a pipe is not cut off
     * mid-write; up to {@link #DRAIN_LIMIT} bytes, so that an endless stream (random bytes from a
     * device) ends the run with its message instead of being read for ever.
     */
    private void drain() {
        try {
            long read = 0;
            byte[] l;
            while (read <= DRAIN_LIMIT && (l = in.readLine()) != null && !in.endless()) {
                line++;
                read += (l == ByteLines.OVERLONG ? in.overlong() : l.length) + 1;
            }
        } catch (IOException e) {
            // what was read is reported; the rest cannot be
        }
        done = true;
        close();
    }

    private void close() {
        try {
            if (closeAtEnd) in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Why an input whose first case line is this cannot be NDJSON, or null when it may be: the
     * line is not JSON at all, or it opens a value that goes on over the next lines.
     */
    private String notNdjson(byte[] firstLine, long lineNo) {
        String notJson = NotJson.describe(firstLine);
        if (notJson != null) return "not NDJSON: " + notJson;
        if (reader.endsInsideValue(firstLine)) {
            String text = new String(firstLine, StandardCharsets.UTF_8).strip();
            return "not NDJSON: line " + lineNo + " (`" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                    + "`) opens a case that goes on over the next lines (a pretty-printed document)";
        }
        return null;
    }

    private static boolean isBlank(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') return false;
        }
        return true;
    }
}
