package org.nanoguide.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Every case of a list of inputs, lazily and in order: a {@code .json} file (one case or an
 * array), a folder (its {@code .json} and {@code .ndjson} files in name order), an
 * {@code .ndjson} file or {@code -} (NDJSON on standard input, one case a line). NDJSON is read a
 * line at a time, so memory stays flat whatever the input size. Unreadable inputs become
 * rejected cases, never exceptions: nothing is dropped.
 */
public final class CaseSources implements Iterator<CaseInput> {
    private final CaseReader reader;
    private final Deque<String> pending;
    private final InputStream stdin;
    private Iterator<CaseInput> current = List.<CaseInput>of().iterator();
    private long index;

    private final boolean deferParsing;

    public CaseSources(CaseReader reader, List<String> inputs, InputStream stdin) {
        this(reader, inputs, stdin, false);
    }

    /**
     * @param deferParsing NDJSON lines come as {@link CaseInput.Deferred}, to be parsed and
     *                     validated by whoever resolves them (a batch's worker threads)
     */
    public CaseSources(CaseReader reader, List<String> inputs, InputStream stdin, boolean deferParsing) {
        this.reader = reader;
        this.pending = new ArrayDeque<>(inputs);
        this.stdin = stdin;
        this.deferParsing = deferParsing;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (pending.isEmpty()) return false;
            current = open(pending.poll());
        }
        return true;
    }

    @Override
    public CaseInput next() {
        if (!hasNext()) throw new NoSuchElementException();
        return current.next();
    }

    /**
     * Whether the next input (or the end) can be had without waiting for a slow producer: always
     * for files and folders; for standard input, when some of the next line has arrived. A batch
     * writes out what it has finished before it waits for more input.
     */
    public boolean ready() {
        return !(current instanceof LineStream ls) || ls.ready();
    }

    private interface LineStream extends Iterator<CaseInput> {
        boolean ready();
    }

    private Iterator<CaseInput> open(String input) {
        if (input.equals("-")) return ndjson(STDIN, stdin);
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                List<String> children = list
                        .filter(p -> Files.isRegularFile(p) && (p.toString().endsWith(".json") || p.toString().endsWith(".ndjson")))
                        .map(Path::toString).sorted().toList();
                if (children.isEmpty()) {
                    return single(reject(input, "the folder holds no .json or .ndjson file; expected case files, such as cases/*.json"));
                }
                for (int i = children.size() - 1; i >= 0; i--) pending.addFirst(children.get(i));
                return List.<CaseInput>of().iterator();
            } catch (IOException e) {
                return single(reject(input, "cannot read the folder: " + e.getMessage()));
            }
        }
        if (!Files.exists(path)) return single(reject(input, "no such file"));
        if (input.endsWith(".ndjson")) {
            try {
                return ndjson(input, Files.newInputStream(path));
            } catch (IOException e) {
                return single(reject(input, "cannot read: " + e.getMessage()));
            }
        }
        try {
            byte[] doc = Files.readAllBytes(path);
            String name = path.getFileName().toString();
            String id = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
            List<CaseInput> cases = reader.readDocument(input, id, doc, index);
            index += cases.size();
            return cases.iterator();
        } catch (IOException e) {
            return single(reject(input, "cannot read: " + e.getMessage()));
        }
    }

    private CaseInput reject(String source, String message) {
        return new CaseInput.Rejected(source, index++, source + ": " + message);
    }

    private static Iterator<CaseInput> single(CaseInput c) { return List.of(c).iterator(); }

    /** How messages name standard input. */
    private static final String STDIN = "stdin";

    /**
     * Why an input whose first case line is this cannot be NDJSON, or null when it may be: the
     * line is not JSON at all, or it opens a value that goes on over the next lines.
     */
    private String notNdjson(byte[] firstLine, long lineNo) {
        String notJson = NotJson.describe(firstLine);
        if (notJson != null) return "not NDJSON: " + notJson;
        if (reader.endsInsideValue(firstLine)) {
            String text = new String(firstLine, java.nio.charset.StandardCharsets.UTF_8).strip();
            return "not NDJSON: line " + lineNo + " (`" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                    + "`) opens a case that goes on over the next lines (a pretty-printed document)";
        }
        return null;
    }

    private Iterator<CaseInput> ndjson(String name, InputStream raw) {
        InputStream in = raw;
        return new LineStream() {
            final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(2048);
            long line;
            CaseInput next;
            boolean done;
            boolean any;

            /** A line read ahead to judge the first one, with its line number; handed out next. */
            byte[] ahead;
            long aheadLine;

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
                            next = new CaseInput.Rejected(name + ":" + line, index++,
                                    name + ":" + line + ": cannot read: " + e.getMessage());
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
                            if (wholeInputIsNotNdjson(doc)) break;
                        }
                    }
                    long at = index++;
                    byte[] text = doc;
                    long n = lineNo;
                    next = deferParsing
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
                    byte[] bytes = readLine();
                    if (bytes == null) return null;
                    line++;
                    int from = 0;
                    if (line == 1 && bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
                        from = 3;
                    }
                    if (!isBlank(bytes, from)) return from == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, from, bytes.length);
                }
            }

            @Override
            public CaseInput next() {
                if (!hasNext()) throw new NoSuchElementException();
                CaseInput out = next;
                next = null;
                return out;
            }

            @Override
            public boolean ready() {
                if (next != null || ahead != null || done || pos < limit) return true;
                try {
                    return in.available() > 0;
                } catch (IOException e) {
                    return true; // the next read reports it
                }
            }

            final byte[] chunk = new byte[1 << 16];
            int pos;
            int limit;

            /** One line as bytes, without its line break; null at the end. Each line is decoded on its own. */
            private byte[] readLine() throws IOException {
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
                if (len > 0 && out[len - 1] == '\r') out = java.util.Arrays.copyOf(out, len - 1);
                return out;
            }

            /** Reads the rest of the input, so that a producer writing into a pipe is not cut off mid-write. */
            private void drain() {
                try {
                    while (readLine() != null) line++;
                } catch (IOException e) {
                    // what was read is reported; the rest cannot be
                }
                done = true;
                close();
            }

            private void close() {
                try {
                    if (raw != stdin) in.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static boolean isBlank(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') return false;
        }
        return true;
    }
}
