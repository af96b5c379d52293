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
import java.util.function.Consumer;

/**
 * Every case of a list of inputs, lazily and in order: a {@code .json} file (one case or an
 * array), a folder (its {@code .json}, {@code .ndjson} and {@code .csv} files in name order), an
 * {@code .ndjson} file, a {@code .csv} file (read by {@link CsvCases}) or {@code -} (standard input:
 * NDJSON, one case a line, or CSV when it starts with a header row). NDJSON and CSV are read a
 * line or a row at a time and a {@code .json} array a case at a time, and no case may be larger
 * than {@link CaseReader#MAX_CASE_BYTES}, so memory stays flat whatever the input size. Unreadable
 * inputs become rejected cases, never exceptions: nothing is dropped. An NDJSON input is read by
 * {@link NdjsonCases}, a {@code .json} file by {@link JsonFileCases}, a folder is listed by {@link CaseFolder}.
 */
public final class CaseSources implements Iterator<CaseInput> {
    private final CaseReader reader;
    /** Entries of a folder that are not case files, named but not counted, after the first of a folder. */
    private static final int NAMED_PER_FOLDER = 20;
    private final Deque<CaseFolder.Entry> pending;
    private final InputStream stdin;
    private Iterator<CaseInput> current = List.<CaseInput>of().iterator();
    private long index;

    private final boolean deferParsing;
    private Consumer<String> notes = note -> { };

    public CaseSources(CaseReader reader, List<String> inputs, InputStream stdin) {
        this(reader, inputs, stdin, false);
    }

    /**
     * @param deferParsing NDJSON lines come as {@link CaseInput.Deferred}, to be parsed and
     *                     validated by whoever resolves them (a batch's worker threads)
     */
    public CaseSources(CaseReader reader, List<String> inputs, InputStream stdin, boolean deferParsing) {
        this.reader = reader;
        this.pending = new ArrayDeque<>(inputs.stream().<CaseFolder.Entry>map(CaseFolder.Read::new).toList());
        this.stdin = stdin;
        this.deferParsing = deferParsing;
    }

    /**
     * Where to name the entries of a folder that are not read, not being case files (a README,
     * a subfolder); one line each, such as {@code cases/notes.txt: not read: not a .json or .ndjson file}.
     */
    public CaseSources onNotRead(Consumer<String> notes) {
        this.notes = notes;
        return this;
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

    private Iterator<CaseInput> open(CaseFolder.Entry entry) {
        String input = entry.path();
        if (entry instanceof CaseFolder.Refused r) return single(reject(input, r.why()));
        if (entry instanceof CaseFolder.NotCases n) {
            notes.accept(input + ": not read: " + n.why());
            return List.<CaseInput>of().iterator();
        }
        if (input.equals("-")) return standardInput();
        Path path = Path.of(input);
        if (Files.isDirectory(path)) return folder(input, path);
        if (!Files.exists(path)) return single(reject(input, "no such file"));
        try {
            String kind = FileKind.of(path);
            if (kind != null && !kind.equals("a named pipe")) {
                return single(reject(input, kind + ", not a case file; expected a .json, .ndjson or .csv file, a folder of them, or -"));
            }
            if (kind == null && wide(path)) return single(reject(input, Utf8Bom.NOT_UTF8 + "; save it as UTF-8"));
            if (input.endsWith(".ndjson")) {
                return new NdjsonCases(reader, input, Files.newInputStream(path), true, deferParsing, () -> index++);
            }
            if (input.endsWith(".csv")) {
                return new CsvCases(reader, input, Files.newInputStream(path), true, deferParsing, () -> index++);
            }
            String name = path.getFileName().toString();
            String id = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
            if (kind != null) return pipe(input, id, path);
            return JsonFileCases.open(reader, input, id, path, () -> index++, deferParsing);
        } catch (IOException e) {
            return single(reject(input, "cannot read: " + why(e)));
        }
    }

    /** Whether a regular file's first bytes show UTF-16 or UTF-32 text. */
    private static boolean wide(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] first = in.readNBytes(2);
            return Utf8Bom.looksWide(first, first.length);
        }
    }

    /**
     * Why a file could not be read, in words: the file system's exceptions carry only the path
     * as their message (which the rejection already names) and say why by their type.
     */
    public static String why(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.NotDirectoryException) return "not a folder";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return String.valueOf(e.getMessage());
    }

    /** A folder's entries go first in the queue, in name order; those not read are named. */
    private Iterator<CaseInput> folder(String input, Path path) {
        List<CaseFolder.Entry> entries;
        try {
            entries = CaseFolder.list(path);
        } catch (IOException e) {
            return single(reject(input, "cannot read the folder: " + why(e)));
        }
        if (entries.stream().noneMatch(e -> !(e instanceof CaseFolder.NotCases))) {
            return single(reject(input, "the folder holds no .json, .ndjson or .csv file; expected case files, such as cases/*.json"));
        }
        List<CaseFolder.Entry> notCases = entries.stream().filter(e -> e instanceof CaseFolder.NotCases).toList();
        if (notCases.size() > NAMED_PER_FOLDER) {
            List<CaseFolder.Entry> kept = new java.util.ArrayList<>(entries);
            kept.removeAll(notCases.subList(NAMED_PER_FOLDER, notCases.size()));
            kept.add(new CaseFolder.NotCases(input, "and " + (notCases.size() - NAMED_PER_FOLDER)
                    + " more entries that are not .json, .ndjson or .csv files"));
            entries = kept;
        }
        for (int i = entries.size() - 1; i >= 0; i--) pending.addFirst(entries.get(i));
        return List.<CaseInput>of().iterator();
    }

    /**
     * A named pipe given by path ({@code <(command)}) holds one document, read up to the limit
     * of one case; a longer stream belongs in NDJSON (a .ndjson name or standard input).
     */
    private Iterator<CaseInput> pipe(String input, String id, Path path) throws IOException {
        byte[] doc;
        try (InputStream in = Files.newInputStream(path)) {
            doc = in.readNBytes(CaseReader.MAX_CASE_BYTES + 1);
        }
        if (doc.length > CaseReader.MAX_CASE_BYTES) {
            return single(reject(input, "a named pipe holding more than " + CaseReader.MAX_CASE_BYTES + " bytes; "
                    + "a stream of cases is read as NDJSON from standard input (-) or a .ndjson path"));
        }
        return JsonFileCases.whole(reader, input, id, doc, () -> index++);
    }

    /** Standard input: CSV when it starts with a header row, else NDJSON. */
    private Iterator<CaseInput> standardInput() {
        InputStream in = stdin.markSupported() ? stdin : new java.io.BufferedInputStream(stdin);
        try {
            // two bytes tell (see Utf8Bom.looksWide), and the shortest case line is longer: no wait for a slow producer
            in.mark(2);
            byte[] first = in.readNBytes(2);
            in.reset();
            if (Utf8Bom.looksWide(first, first.length)) return single(reject(NdjsonCases.STDIN, Utf8Bom.NOT_UTF8 + "; send UTF-8"));
            if (CsvCases.startsWithHeader(in)) return new CsvCases(reader, NdjsonCases.STDIN, in, false, deferParsing, () -> index++);
        } catch (IOException e) {
            return single(reject(NdjsonCases.STDIN, "cannot read: " + why(e)));
        }
        return new NdjsonCases(reader, NdjsonCases.STDIN, in, false, deferParsing, () -> index++);
    }

    private CaseInput reject(String source, String message) {
        return new CaseInput.Rejected(source, index++, source + ": " + message);
    }

    private static Iterator<CaseInput> single(CaseInput c) { return List.of(c).iterator(); }
}
