package org.nanoguide.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The cases of one {@code .json} file. An array is streamed: the parser walks over one element at
 * a time without building it, and only that element's bytes are read back from the file to be
 * parsed and validated, so an array of any length takes the memory of one case, and the cases
 * before a syntax error are still evaluated. A document that is not an array is one case and is
 * read whole, up to {@link CaseReader#MAX_CASE_BYTES}; a larger one is refused by name unread.
 */
final class JsonFileCases extends ReadAhead {
    private final CaseReader reader;
    private final String source;
    private final String defaultId;
    private final LongSupplier nextIndex;
    private final boolean deferParsing;
    private final JsonParser parser;
    /** The same file, for reading an element's bytes back by offset without moving the parser. */
    private final FileChannel file;
    private int i;
    private boolean done;

    private JsonFileCases(CaseReader reader, String source, String defaultId, Path path, LongSupplier nextIndex,
                          boolean deferParsing) throws IOException {
        this.reader = reader;
        this.source = source;
        this.defaultId = defaultId;
        this.nextIndex = nextIndex;
        this.deferParsing = deferParsing;
        this.file = FileChannel.open(path);
        this.parser = reader.factory().createParser(Files.newInputStream(path));
    }

    /** The cases of the regular file at {@code path}; what cannot be read becomes a rejected case. */
    static Iterator<CaseInput> open(CaseReader reader, String source, String defaultId, Path path, LongSupplier nextIndex,
                                    boolean deferParsing) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(4096);
        }
        if (firstSignificant(head) == '[') {
            JsonFileCases cases = new JsonFileCases(reader, source, defaultId, path, nextIndex, deferParsing);
            cases.start();
            return cases;
        }
        long size = Files.size(path);
        if (size > CaseReader.MAX_CASE_BYTES) {
            String notJson = NotJson.describe(head);
            return List.<CaseInput>of(new CaseInput.Rejected(nextIndex.getAsLong(), new CaseProblem(source, "$", 0, 0,
                    (notJson == null ? "" : "not JSON: " + notJson + "; ") + "the document is " + size
                            + " bytes, over the limit of " + CaseReader.MAX_CASE_BYTES + " bytes for one case (a case is a few KB); "
                            + "an array of cases is read one case at a time, whatever its size"))).iterator();
        }
        return whole(reader, source, defaultId, Files.readAllBytes(path), nextIndex);
    }

    /** The cases of a document read whole: one object, or a small array that did not start at the head. */
    static Iterator<CaseInput> whole(CaseReader reader, String source, String defaultId, byte[] doc, LongSupplier nextIndex) {
        long first = nextIndex.getAsLong();
        List<CaseInput> cases = reader.readDocument(source, defaultId, doc, first).cases();
        for (int k = 1; k < cases.size(); k++) nextIndex.getAsLong();
        return cases.iterator();
    }

    /** The first byte that is not a byte order mark or white space; 0 when there is none. */
    private static int firstSignificant(byte[] head) {
        int k = Utf8Bom.length(head);
        while (k < head.length && (head[k] == ' ' || head[k] == '\t' || head[k] == '\r' || head[k] == '\n')) k++;
        return k < head.length ? head[k] : 0;
    }

    private void start() {
        try {
            if (parser.nextToken() != JsonToken.START_ARRAY) finish(problem(source, "$", parser.currentTokenLocation(), "expected an array of cases"));
        } catch (IOException e) {
            finish(failure(e));
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            try {
                advance();
            } catch (IOException e) {
                finish(failure(e));
            }
        }
        return next != null;
    }

    private void advance() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_ARRAY || t == null) {
            JsonToken after = t == null ? null : parser.nextToken();
            if (after != null) {
                finish(problem(source, "$", parser.currentTokenLocation(), "more content after the array's end; a .json file holds "
                        + "one case object or one array of them"));
            } else if (i == 0) {
                finish(problem(source, "$", null, "the array holds no case; expected case objects, such as [{\"tumor\": {\"type\": \"LUNG\"}}]"));
            } else {
                finish(null);
            }
            return;
        }
        JsonLocation start = parser.currentTokenLocation();
        int at = i;
        if (t != JsonToken.START_OBJECT) {
            parser.skipChildren();
            i++;
            next = problem(source + "[" + at + "]", "$[" + at + "]", start, "expected a case object, found " + found(t));
            return;
        }
        parser.skipChildren();
        i++;
        long from = start.getByteOffset();
        long length = parser.currentLocation().getByteOffset() - from;
        if (length > CaseReader.MAX_CASE_BYTES) {
            next = problem(source + "[" + at + "]", "$[" + at + "]", start, "the case is " + length + " bytes, over the limit of "
                    + CaseReader.MAX_CASE_BYTES + " bytes for one case (a case is a few KB); skipped, reading goes on");
            return;
        }
        byte[] element = read(from, (int) length);
        long index = nextIndex.getAsLong();
        long line = start.getLineNr();
        long column = start.getColumnNr();
        next = deferParsing && element.length <= NdjsonCases.DEFER_MAX
                ? new CaseInput.Deferred(source + "[" + at + "]", index,
                        () -> reader.readElement(source, defaultId, at, element, index, line, column))
                : reader.readElement(source, defaultId, at, element, index, line, column);
    }

    private byte[] read(long from, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (file.read(buf, from + buf.position()) < 0) throw new IOException("the file became shorter while it was read");
        }
        return buf.array();
    }

    private static String found(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> t.asString();
        };
    }

    private CaseInput.Rejected problem(String named, String path, JsonLocation at, String detail) {
        return new CaseInput.Rejected(nextIndex.getAsLong(), new CaseProblem(named, path,
                at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), detail));
    }

    /** What ends the reading of the file: a syntax error (the cases before it stand) or a read error. */
    private CaseInput.Rejected failure(IOException e) {
        if (e instanceof JsonProcessingException j) {
            CaseProblem p = SchemaMessages.syntaxProblem(source, new byte[0], j, SchemaMessages.DOCUMENT_FORMAT);
            return new CaseInput.Rejected(nextIndex.getAsLong(), new CaseProblem(source, "$[" + i + "]",
                    p.line(), p.column(), p.detail() + (i > 0 ? "; the cases before it were read, the rest of the file is not" : ""), p.code()));
        }
        return new CaseInput.Rejected(source, nextIndex.getAsLong(), source + ": cannot read: " + CaseSources.why(e));
    }

    private void finish(CaseInput last) {
        next = last;
        done = true;
        try {
            parser.close();
            file.close();
        } catch (IOException e) {
            // everything wanted from the file was read
        }
    }
}
