package org.nanoguide.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongSupplier;

/**
 * The cases of one CSV input (a file, or standard input when it starts with a header): a header
 * row of dotted case paths, then one case a row, read a row at a time so memory stays flat. Rows
 * are numbered as a spreadsheet numbers them (the header is row 1), and every problem names the
 * input, the row and, where it is about one, the column and its header. A bad header rejects the
 * whole input, because every row would be read wrongly; a bad row rejects only its case.
 */
final class CsvCases implements CaseSources.LineStream {
    private static final ObjectReader ROWS = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build()
            .readerForListOf(String.class).with(CsvSchema.emptySchema());
    /** Where the docs show the CSV form of a case. */
    private static final String FORMAT = "a header row of case paths (tumor.type,tumor.depthCm,...), then one case a row "
            + "(docs/case-format.md)";

    private final CaseReader reader;
    private final String name;
    private final Reader text;
    private final boolean closeAtEnd;
    private final boolean deferParsing;
    private final LongSupplier nextIndex;

    private MappingIterator<List<String>> rows;
    private CsvColumns columns;
    private long row;
    private boolean anyCase;
    private CaseInput next;
    private boolean done;

    /**
     * @param closeAtEnd   whether to close the stream at its end (not standard input, which is not ours)
     * @param deferParsing rows come as {@link CaseInput.Deferred}, built and validated by whoever resolves them
     * @param nextIndex    hands out batch indices, shared with the other inputs so that they stay in order
     */
    CsvCases(CaseReader reader, String name, InputStream in, boolean closeAtEnd, boolean deferParsing, LongSupplier nextIndex) {
        this.reader = reader;
        this.name = name;
        this.text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.closeAtEnd = closeAtEnd;
        this.deferParsing = deferParsing;
        this.nextIndex = nextIndex;
    }

    /**
     * Whether standard input holds CSV rather than NDJSON: its first character, after a byte order
     * mark and blank space, starts a header (a letter, or a quoted name), which no case object
     * does. Looks without consuming: {@code in} must support mark and reset.
     */
    static boolean startsWithHeader(InputStream in) throws IOException {
        in.mark(4096);
        try {
            for (int i = 0; i < 4096; i++) {
                int b = in.read();
                if (b < 0) return false;
                if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || Utf8Bom.isAt(i, b)) continue;
                return Character.isLetter(b) || b == '"';
            }
            return false;
        } finally {
            in.reset();
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null && !done) {
            List<String> cells;
            try {
                if (rows == null) rows = ROWS.readValues(text);
                cells = rows.hasNextValue() ? rows.nextValue() : null;
            } catch (IOException | RuntimeException e) {
                next = reject(name + ": row " + (row + 1), "not valid CSV: " + why(e) + "; nothing after it is read");
                end(true);
                break;
            }
            if (cells == null) {
                if (columns == null) next = reject(name, "empty input: expected CSV, " + FORMAT);
                else if (!anyCase) next = reject(name, "no case under the header: expected one case a row");
                end(false);
                break;
            }
            row++;
            if (columns == null) {
                header(cells);
            } else if (!blank(cells)) {
                anyCase = true;
                long r = row;
                long at = nextIndex.getAsLong();
                next = deferParsing ? new CaseInput.Deferred(name + ":" + r, at, () -> readRow(r, cells, at)) : readRow(r, cells, at);
            }
        }
        return next != null;
    }

    /** Reads the columns; a header with problems rejects the input, all its problems listed. */
    private void header(List<String> cells) {
        List<String> names = new ArrayList<>(cells);
        if (!names.isEmpty()) names.set(0, Utf8Bom.strip(names.get(0)));
        List<CaseProblem> problems = new ArrayList<>();
        columns = CsvColumns.read(reader.fields(), name, names, problems);
        if (columns == null) {
            next = SchemaMessages.rejected(name, nextIndex.getAsLong(), problems);
            end(true);
        }
    }

    /** One row's case, validated as a JSON case is, its problems placed at their columns. */
    private CaseInput readRow(long r, List<String> cells, long at) {
        String source = name + ":" + r;
        if (cells.size() != columns.size()) {
            return new CaseInput.Rejected(at, new CaseProblem(name + ": row " + r, null, 0, 0, cells.size() + " cell"
                    + (cells.size() == 1 ? "" : "s") + " where the header has " + columns.size() + " columns"
                    + (cells.size() > columns.size() ? " (a value holding a comma must be in double quotes)" : "")));
        }
        CaseInput in = reader.readTree(source, source, columns.tree(cells), at);
        if (!(in instanceof CaseInput.Rejected rejected)) return in;
        return SchemaMessages.rejected(source, at, columns.place(name, r, rejected.problems()));
    }

    private static boolean blank(List<String> cells) {
        for (String c : cells) if (c != null && !c.isBlank()) return false;
        return true;
    }

    private static String why(Exception e) {
        if (!(e instanceof JsonProcessingException j)) return e instanceof IOException io ? CaseSources.why(io) : String.valueOf(e.getMessage());
        JsonLocation at = j.getLocation();
        return SchemaMessages.parserMessage(j.getOriginalMessage()) + (at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }

    private CaseInput reject(String source, String message) {
        return new CaseInput.Rejected(source, nextIndex.getAsLong(), source + ": " + message);
    }

    /**
     * Stops reading; after a problem that ends the input early, reads the rest first, so that a
     * producer writing into a pipe is not cut off mid-write, up to {@link NdjsonCases#DRAIN_LIMIT},
     * so that an endless stream (random bytes from a device) ends the run with its message
     * instead of being read for ever.
     */
    private void end(boolean drain) {
        done = true;
        try {
            if (drain && !closeAtEnd) {
                char[] skip = new char[8192];
                long read = 0;
                for (int n; read <= NdjsonCases.DRAIN_LIMIT && (n = text.read(skip)) >= 0; read += n) {
                    // what is left cannot be read as cases; the problem already says so
                }
            }
            if (closeAtEnd) text.close();
        } catch (IOException e) {
            // the input is given up either way; the problem already names it
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
        try {
            return next != null || done || text.ready();
        } catch (IOException e) {
            return true;
        }
    }
}
