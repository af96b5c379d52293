package org.nanoguide.model;

import java.io.IOException;
import java.io.InputStream;
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
 * array), a folder (its {@code .json}, {@code .ndjson} and {@code .csv} files in name order), an
 * {@code .ndjson} file, a {@code .csv} file (read by {@link CsvCases}) or {@code -} (standard input:
 * NDJSON, one case a line, or CSV when it starts with a header row). NDJSON and CSV are read a
 * line or a row at a time, so memory stays flat whatever the input size. Unreadable inputs become
 * rejected cases, never exceptions: nothing is dropped. An NDJSON input is read by {@link NdjsonCases}.
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

    /** An input whose next case may not have arrived yet. */
    interface LineStream extends Iterator<CaseInput> {
        boolean ready();
    }

    private Iterator<CaseInput> open(String input) {
        if (input.equals("-")) return standardInput();
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                List<String> children = list
                        .filter(p -> Files.isRegularFile(p) && (p.toString().endsWith(".json") || p.toString().endsWith(".ndjson")
                                || p.toString().endsWith(".csv")))
                        .map(Path::toString).sorted().toList();
                if (children.isEmpty()) {
                    return single(reject(input, "the folder holds no .json, .ndjson or .csv file; expected case files, such as cases/*.json"));
                }
                for (int i = children.size() - 1; i >= 0; i--) pending.addFirst(children.get(i));
                return List.<CaseInput>of().iterator();
            } catch (IOException e) {
                return single(reject(input, "cannot read the folder: " + e.getMessage()));
            }
        }
        if (!Files.exists(path)) return single(reject(input, "no such file"));
        if (input.endsWith(".ndjson") || input.endsWith(".csv")) {
            try {
                return input.endsWith(".csv")
                        ? new CsvCases(reader, input, Files.newInputStream(path), true, deferParsing, () -> index++)
                        : new NdjsonCases(reader, input, Files.newInputStream(path), true, deferParsing, () -> index++);
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

    /** Standard input: CSV when it starts with a header row, else NDJSON. */
    private Iterator<CaseInput> standardInput() {
        InputStream in = stdin.markSupported() ? stdin : new java.io.BufferedInputStream(stdin);
        try {
            if (CsvCases.startsWithHeader(in)) return new CsvCases(reader, NdjsonCases.STDIN, in, false, deferParsing, () -> index++);
        } catch (IOException e) {
            return single(reject(NdjsonCases.STDIN, "cannot read: " + e.getMessage()));
        }
        return new NdjsonCases(reader, NdjsonCases.STDIN, in, false, deferParsing, () -> index++);
    }

    private CaseInput reject(String source, String message) {
        return new CaseInput.Rejected(source, index++, source + ": " + message);
    }

    private static Iterator<CaseInput> single(CaseInput c) { return List.of(c).iterator(); }
}
