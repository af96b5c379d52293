package org.nanoguide.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads cases from JSON text and validates them against the case schema
 * ({@code nanoguide/case.schema.json}, also in docs/). Thread-safe: build one and share it.
 * Nothing here throws on bad input: a case that is wrong becomes a {@link CaseInput.Rejected}
 * listing every problem it has, in document order, each naming the source, the JSON path and,
 * where it can, the line and column.
 */
public final class CaseReader {
    public static final String SCHEMA_RESOURCE = "/nanoguide/case.schema.json";
    /** Deeper than any valid case; deeper input is rejected rather than parsed. */
    static final int MAX_NESTING = 64;
    static final int MAX_STRING = 1 << 20;
    /**
     * The most bytes one case may take: an NDJSON line, a one-case {@code .json} file, an element
     * of an array. Past the longest string allowed, and far past any real case (a few KB), so
     * that memory stays bounded whatever the input holds.
     */
    public static final int MAX_CASE_BYTES = 2 << 20;
    /** At most this many problems of one case are listed; the rest are counted. */
    public static final int MAX_PROBLEMS = 20;

    private final JsonFactory factory;
    private final ObjectMapper mapper;
    private final JsonSchema schema;
    private final SchemaMessages messages;
    private final SchemaFields fields;
    private final String schemaText;

    public CaseReader() {
        this.factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING).maxStringLength(MAX_STRING).maxNumberLength(400).build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (InputStream in = CaseReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) throw new IllegalStateException("case schema missing from the class path: " + SCHEMA_RESOURCE);
            this.schemaText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText);
        try {
            this.fields = new SchemaFields(mapper.readTree(schemaText));
            this.messages = new SchemaMessages(factory, fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the case schema is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The case schema, as JSON text. */
    public String schemaText() { return schemaText; }

    /**
     * Reads a document holding one case object or an array of cases. A syntax error rejects the
     * whole document; a schema error rejects only the case it is in.
     *
     * @param source     how messages name the document, such as its file path
     * @param defaultId  the id of a case that has none (array elements get {@code defaultId[i]})
     * @param firstIndex the batch index of the first case
     */
    public CaseDocument readDocument(String source, String defaultId, byte[] doc, long firstIndex) {
        JsonNode root;
        try {
            root = mapper.readTree(doc);
        } catch (JsonProcessingException e) {
            return new CaseDocument(List.of(new CaseInput.Rejected(firstIndex, SchemaMessages.syntaxProblem(source, doc, e, SchemaMessages.DOCUMENT_FORMAT))), false);
        } catch (IOException e) {
            return new CaseDocument(List.of(new CaseInput.Rejected(source, firstIndex, source + ": cannot read: " + e.getMessage())), false);
        }
        if (root == null || root.isMissingNode()) {
            return new CaseDocument(List.of(new CaseInput.Rejected(firstIndex, new CaseProblem(source, "$", 0, 0,
                    "empty input: expected a case object, such as {\"tumor\": {\"type\": \"LUNG\"}}, or an array of them"))), false);
        }
        if (root instanceof ArrayNode array) {
            List<CaseInput> out = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                out.add(validate(source + "[" + i + "]", defaultId + "[" + i + "]", array.get(i), doc, List.of(i), "$[" + i + "]", firstIndex + i));
            }
            if (out.isEmpty()) {
                out.add(new CaseInput.Rejected(firstIndex, new CaseProblem(source, "$", 0, 0,
                        "the array holds no case; expected case objects, such as [{\"tumor\": {\"type\": \"LUNG\"}}]")));
            }
            return new CaseDocument(out, true);
        }
        return new CaseDocument(List.of(validate(source, defaultId, root, doc, List.of(), "$", firstIndex)), false);
    }

    /**
     * Reads a CSV document held in memory (a request body): a header row of dotted case paths,
     * then one case a row, read and validated exactly as a {@code .csv} file is, each problem
     * naming {@code source}, its row and its column. A bad header gives a single rejection.
     *
     * @param firstIndex the batch index of the first case
     */
    public List<CaseInput> readCsv(String source, byte[] csv, long firstIndex) {
        long[] index = {firstIndex};
        List<CaseInput> out = new ArrayList<>();
        new CsvCases(this, source, new ByteArrayInputStream(csv), true, false, () -> index[0]++).forEachRemaining(out::add);
        return out;
    }

    /** Reads one line of NDJSON: exactly one case object. {@code line} is 1-based. */
    public CaseInput readLine(String sourceName, long line, byte[] doc, long index) {
        String source = sourceName + ":" + line;
        JsonNode node;
        try {
            node = mapper.readTree(doc);
        } catch (JsonProcessingException e) {
            return new CaseInput.Rejected(index, SchemaMessages.syntaxProblem(source, doc, e, SchemaMessages.LINE_FORMAT));
        } catch (IOException e) {
            return new CaseInput.Rejected(source, index, source + ": cannot read: " + e.getMessage());
        }
        return validate(source, sourceName + ":" + line, node, doc, List.of(), "$", index);
    }

    /**
     * Reads one element of an array being streamed: {@code element} is its text alone, which
     * began at {@code line} and {@code column} of the whole document, where problems are placed.
     */
    CaseInput readElement(String source, String defaultId, int i, byte[] element, long index, long line, long column) {
        String at = source + "[" + i + "]";
        String path = "$[" + i + "]";
        java.util.function.UnaryOperator<CaseProblem> shift = p -> new CaseProblem(p.source(),
                p.path() == null || p.path().equals("$") ? path : p.path(),
                p.line() <= 0 ? 0 : p.line() + line - 1,
                p.line() <= 0 ? 0 : p.line() == 1 ? p.column() + column - 1 : p.column(), p.detail(), p.code());
        JsonNode node;
        try {
            node = mapper.readTree(element);
        } catch (JsonProcessingException e) {
            return new CaseInput.Rejected(index, shift.apply(SchemaMessages.syntaxProblem(at, element, e, SchemaMessages.DOCUMENT_FORMAT)));
        } catch (IOException e) {
            return new CaseInput.Rejected(at, index, at + ": cannot read: " + e.getMessage());
        }
        return validate(at, defaultId + "[" + i + "]", node, element, List.of(), path, index, shift);
    }

    /** Whether this text starts a JSON value that it does not finish (the first line of a pretty-printed document). */
    boolean endsInsideValue(byte[] text) {
        try {
            mapper.readTree(text);
            return false;
        } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether this text is one whole JSON value, whatever its shape. */
    boolean isJsonValue(byte[] text) {
        try {
            mapper.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads a single case object (an HTTP body, an embedding call); an array is refused. */
    public CaseInput readOne(String source, String json) {
        CaseDocument doc = readDocument(source, source, json.getBytes(StandardCharsets.UTF_8), 0);
        return !doc.array() ? doc.cases().get(0) : new CaseInput.Rejected(0, new CaseProblem(source, "$", 0, 0,
                "expected one case object, found an array of " + doc.cases().size()));
    }

    /**
     * Validates a case built as a tree from another notation (a CSV row), exactly as a JSON case
     * is; the problems have JSON paths but no line, which only the caller can say.
     */
    CaseInput readTree(String source, String defaultId, JsonNode node, long index) {
        return validate(source, defaultId, node, new byte[0], List.of(), "$", index);
    }

    /** What the case format models where, from its schema. */
    SchemaFields fields() { return fields; }

    /** Converts a valid tree to the model; a tree the schema refuses becomes every problem it has. */
    private CaseInput validate(String source, String defaultId, JsonNode node, byte[] doc,
                               List<Object> prefix, String pathPrefix, long index) {
        return validate(source, defaultId, node, doc, prefix, pathPrefix, index, java.util.function.UnaryOperator.identity());
    }

    /** @param place moves a problem's line and column from {@code doc} to where a person finds it */
    private CaseInput validate(String source, String defaultId, JsonNode node, byte[] doc, List<Object> prefix,
                               String pathPrefix, long index, java.util.function.UnaryOperator<CaseProblem> place) {
        if (node == null || !node.isObject()) {
            String found = node == null ? "nothing" : node.getNodeType().name().toLowerCase();
            Optional<JsonLocation> at = JsonLocator.locate(factory, doc, prefix);
            return new CaseInput.Rejected(index, place.apply(new CaseProblem(source, pathPrefix,
                    at.map(JsonLocation::getLineNr).orElse(0), at.map(JsonLocation::getColumnNr).orElse(0),
                    "expected a case object, found " + found, "type")));
        }
        // a valid case (the usual one) is checked fail-fast, without building messages; only a
        // case that fails is validated again, in full, to say what is wrong with it
        Set<ValidationMessage> errors = Boolean.TRUE.equals(schema.validate(node, OutputFormat.BOOLEAN))
                ? Set.of() : schema.validate(node);
        if (!errors.isEmpty()) {
            return SchemaMessages.rejected(source, index,
                    messages.problems(source, errors, doc, prefix, pathPrefix).stream().map(place).toList());
        }
        try {
            NanoCase c = mapper.treeToValue(node, NanoCase.class);
            if (c.id() == null || c.id().isBlank()) c = c.withId(defaultId);
            return new CaseInput.Valid(source, index, c);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new CaseInput.Rejected(index, new CaseProblem(source, pathPrefix, 0, 0, e.getMessage()));
        }
    }

    /** The parser factory cases are read with, with its limits on nesting, strings and numbers. */
    JsonFactory factory() { return factory; }

    /** The mapper used to read cases; results are written by the renderers' own mapper. */
    public ObjectMapper mapper() { return mapper; }
}
