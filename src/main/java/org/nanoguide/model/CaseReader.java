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
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
    /** At most this many problems of one case are listed; the rest are counted. */
    public static final int MAX_PROBLEMS = 20;

    private final JsonFactory factory;
    private final ObjectMapper mapper;
    private final JsonSchema schema;
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
    public List<CaseInput> readDocument(String source, String defaultId, byte[] doc, long firstIndex) {
        JsonNode root;
        try {
            root = mapper.readTree(doc);
        } catch (JsonProcessingException e) {
            return List.of(new CaseInput.Rejected(firstIndex, syntaxProblem(source, doc, e, DOCUMENT_FORMAT)));
        } catch (IOException e) {
            return List.of(new CaseInput.Rejected(source, firstIndex, source + ": cannot read: " + e.getMessage()));
        }
        if (root == null || root.isMissingNode()) {
            return List.of(new CaseInput.Rejected(firstIndex, new CaseProblem(source, "$", 0, 0,
                    "empty input: expected a case object, such as {\"tumor\": {\"type\": \"LUNG\"}}, or an array of them")));
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
            return out;
        }
        return List.of(validate(source, defaultId, root, doc, List.of(), "$", firstIndex));
    }

    /** Reads one line of NDJSON: exactly one case object. {@code line} is 1-based. */
    public CaseInput readLine(String sourceName, long line, byte[] doc, long index) {
        String source = sourceName + ":" + line;
        JsonNode node;
        try {
            node = mapper.readTree(doc);
        } catch (JsonProcessingException e) {
            return new CaseInput.Rejected(index, syntaxProblem(source, doc, e, LINE_FORMAT));
        } catch (IOException e) {
            return new CaseInput.Rejected(source, index, source + ": cannot read: " + e.getMessage());
        }
        return validate(source, sourceName + ":" + line, node, doc, List.of(), "$", index);
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

    /** Reads a single case object (an HTTP body, an embedding call). */
    public CaseInput readOne(String source, String json) {
        List<CaseInput> all = readDocument(source, source, json.getBytes(StandardCharsets.UTF_8), 0);
        if (all.size() == 1) return all.get(0);
        return new CaseInput.Rejected(0, new CaseProblem(source, "$", 0, 0, "expected one case object, found an array of " + all.size()));
    }

    /** Converts a valid tree to the model; a tree the schema refuses becomes every problem it has. */
    private CaseInput validate(String source, String defaultId, JsonNode node, byte[] doc,
                               List<Object> prefix, String pathPrefix, long index) {
        if (node == null || !node.isObject()) {
            String found = node == null ? "nothing" : node.getNodeType().name().toLowerCase();
            Optional<JsonLocation> at = JsonLocator.locate(factory, doc, prefix);
            return new CaseInput.Rejected(index, new CaseProblem(source, pathPrefix,
                    at.map(JsonLocation::getLineNr).orElse(0), at.map(JsonLocation::getColumnNr).orElse(0),
                    "expected a case object, found " + found));
        }
        // a valid case (the usual one) is checked fail-fast, without building messages; only a
        // case that fails is validated again, in full, to say what is wrong with it
        Set<ValidationMessage> errors = Boolean.TRUE.equals(schema.validate(node, OutputFormat.BOOLEAN))
                ? Set.of() : schema.validate(node);
        if (!errors.isEmpty()) return rejected(source, index, problems(source, errors, doc, prefix, pathPrefix));
        try {
            NanoCase c = mapper.treeToValue(node, NanoCase.class);
            if (c.id() == null || c.id().isBlank()) c = c.withId(defaultId);
            return new CaseInput.Valid(source, index, c);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new CaseInput.Rejected(index, new CaseProblem(source, pathPrefix, 0, 0, e.getMessage()));
        }
    }

    /** Every schema error of one case, located and in document order, so a person can fix them top to bottom. */
    private List<CaseProblem> problems(String source, Set<ValidationMessage> errors, byte[] doc,
                                       List<Object> prefix, String pathPrefix) {
        record Found(List<Object> steps, String path, String detail) { }
        List<Found> found = new ArrayList<>(errors.size());
        for (ValidationMessage m : errors) {
            JsonNodePath at = m.getInstanceLocation();
            List<Object> inCase = new ArrayList<>();
            for (int i = 0; i < at.getNameCount(); i++) inCase.add(at.getElement(i));
            String path = pathPrefix + at.toString().substring(1);
            if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
                String detail = fields.unknownField(m.getProperty(), inCase, path);
                inCase.add(m.getProperty());
                found.add(new Found(concat(prefix, inCase), path + member(m.getProperty()), detail));
            } else {
                found.add(new Found(concat(prefix, inCase), path, detail(m)));
            }
        }
        Map<List<Object>, JsonLocation> where = JsonLocator.locateAll(factory, doc, found.stream().map(Found::steps).toList());
        List<CaseProblem> out = new ArrayList<>(found.size());
        for (Found f : found) {
            JsonLocation l = where.get(f.steps());
            out.add(new CaseProblem(source, f.path(), l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), f.detail()));
        }
        out.sort(Comparator.comparingLong((CaseProblem p) -> p.line() > 0 ? p.line() : Long.MAX_VALUE)
                .thenComparingLong(CaseProblem::column).thenComparing(CaseProblem::path).thenComparing(CaseProblem::detail));
        return out.stream().distinct().toList();
    }

    /** A case rejected for these problems: all of them up to {@link #MAX_PROBLEMS}, one a line, then how many more. */
    static CaseInput.Rejected rejected(String source, long index, List<CaseProblem> all) {
        List<CaseProblem> shown = all.size() > MAX_PROBLEMS ? all.subList(0, MAX_PROBLEMS) : all;
        StringBuilder msg = new StringBuilder();
        for (CaseProblem p : shown) {
            if (msg.length() > 0) msg.append(System.lineSeparator());
            msg.append(p);
        }
        if (all.size() > shown.size()) {
            int more = all.size() - shown.size();
            msg.append(System.lineSeparator()).append(source).append(": and ").append(more)
                    .append(" more problem").append(more == 1 ? "" : "s").append(", not listed");
        }
        return new CaseInput.Rejected(source, index, msg.toString(), shown);
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    /** {@code .name}, or {@code ['na me']} when the name is not a plain identifier (a stray space shows). */
    static String member(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + name : "['" + name.replace("'", "\\'") + "']";
    }

    private static String detail(ValidationMessage m) {
        String msg = m.getMessage();
        String prefix = m.getInstanceLocation().toString() + ": ";
        if (msg.startsWith(prefix)) msg = msg.substring(prefix.length());
        return switch (m.getType()) {
            case "enum" -> {
                List<String> allowed = new ArrayList<>();
                m.getSchemaNode().forEach(v -> allowed.add(v.asText()));
                JsonNode given = m.getInstanceNode();
                String hint = given != null && given.isTextual()
                        ? SchemaFields.closest(given.asText(), allowed).map(a -> " (did you mean " + a + "?)").orElse("")
                        : "";
                yield "must be one of " + String.join(", ", allowed) + hint;
            }
            case "required" -> "missing required field \"" + m.getProperty() + "\"";
            default -> msg;
        };
    }

    /** What a .json document may hold, for messages about input that is not JSON. */
    private static final String DOCUMENT_FORMAT = "a .json file holds one case object or an array of them, "
            + "an .ndjson file one case object a line (docs/case-format.md)";
    private static final String LINE_FORMAT = "each line of NDJSON holds one case object (docs/case-format.md)";

    /**
     * A document Jackson cannot read. When it is not JSON at all (CSV, XML, a spreadsheet) the
     * parser's complaint about its first character helps nobody, so say what was found instead.
     */
    private static CaseProblem syntaxProblem(String source, byte[] doc, JsonProcessingException e, String format) {
        String notJson = NotJson.describe(doc);
        if (notJson != null) {
            return new CaseProblem(source, null, 0, 0, "not JSON: " + notJson + "; nanoguide reads cases as JSON: " + format);
        }
        JsonLocation loc = e.getLocation();
        String text = e.getOriginalMessage();
        int cut = text.indexOf('\n');
        if (cut > 0) text = text.substring(0, cut);
        return new CaseProblem(source, "$", loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                "not valid JSON: " + text);
    }

    /** The mapper used to read cases; results are written by the renderers' own mapper. */
    public ObjectMapper mapper() { return mapper; }
}
