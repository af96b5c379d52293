package org.nanoguide.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the JSON parser and the schema validator say about a case into messages a person
 * can act on: each located by JSON path, line and column, in document order, with a hint where
 * one helps (the field or value meant). Apart from {@link CaseReader}, which decides what is
 * read and how, because the wording of problems changes for other reasons than the reading.
 */
final class SchemaMessages {
    private final JsonFactory factory;
    private final SchemaFields fields;

    SchemaMessages(JsonFactory factory, SchemaFields fields) {
        this.factory = factory;
        this.fields = fields;
    }

    /** Every schema error of one case, located and in document order, so a person can fix them top to bottom. */
    List<CaseProblem> problems(String source, Set<ValidationMessage> errors, byte[] doc,
                                       List<Object> prefix, String pathPrefix) {
        record Found(List<Object> steps, String path, String detail, String code) { }
        List<Found> found = new ArrayList<>(errors.size());
        for (ValidationMessage m : errors) {
            JsonNodePath at = m.getInstanceLocation();
            List<Object> inCase = new ArrayList<>();
            for (int i = 0; i < at.getNameCount(); i++) inCase.add(at.getElement(i));
            String path = pathPrefix + at.toString().substring(1);
            if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
                String detail = fields.unknownField(m.getProperty(), inCase, path);
                inCase.add(m.getProperty());
                found.add(new Found(concat(prefix, inCase), path + member(m.getProperty()), detail, m.getType()));
            } else {
                found.add(new Found(concat(prefix, inCase), path, detail(m), m.getType()));
            }
        }
        Map<List<Object>, JsonLocation> where = JsonLocator.locateAll(factory, doc, found.stream().map(Found::steps).toList());
        List<CaseProblem> out = new ArrayList<>(found.size());
        for (Found f : found) {
            JsonLocation l = where.get(f.steps());
            out.add(new CaseProblem(source, f.path(), l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), f.detail(), f.code()));
        }
        out.sort(Comparator.comparingLong((CaseProblem p) -> p.line() > 0 ? p.line() : Long.MAX_VALUE)
                .thenComparingLong(CaseProblem::column).thenComparing(CaseProblem::path).thenComparing(CaseProblem::detail));
        return out.stream().distinct().toList();
    }

    /** A case rejected for these problems: all of them up to {@link CaseReader#MAX_PROBLEMS}, one a line, then how many more. */
    static CaseInput.Rejected rejected(String source, long index, List<CaseProblem> all) {
        List<CaseProblem> shown = all.size() > CaseReader.MAX_PROBLEMS ? all.subList(0, CaseReader.MAX_PROBLEMS) : all;
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
                        ? Suggestion.closest(given.asText(), allowed).map(a -> " (did you mean " + a + "?)").orElse("")
                        : "";
                yield "must be one of " + String.join(", ", allowed) + hint;
            }
            case "required" -> "missing required field \"" + m.getProperty() + "\"";
            case "pattern" -> m.getSchemaNode() != null && m.getSchemaNode().asText().startsWith("^[^\\u0000")
                    ? "must be printable text on one line: no control characters, line breaks or text-direction overrides"
                    : msg;
            default -> msg;
        };
    }

    /** What a .json document may hold, for messages about input that is not JSON. */
    static final String DOCUMENT_FORMAT = "a .json file holds one case object or an array of them, "
            + "an .ndjson file one case object a line (docs/case-format.md)";
    static final String LINE_FORMAT = "each line of NDJSON holds one case object (docs/case-format.md)";

    /**
     * A document Jackson cannot read. When it is not JSON at all (CSV, XML, a spreadsheet) the
     * parser's complaint about its first character helps nobody, so say what was found instead.
     */
    static CaseProblem syntaxProblem(String source, byte[] doc, JsonProcessingException e, String format) {
        String notJson = NotJson.describe(doc);
        if (notJson != null) {
            return new CaseProblem(source, null, 0, 0, "not JSON: " + notJson + "; nanoguide reads cases as JSON: " + format, CaseProblem.NOT_JSON);
        }
        JsonLocation loc = e.getLocation();
        String text = parserMessage(e.getOriginalMessage());
        int cut = text.indexOf('\n');
        if (cut > 0) text = text.substring(0, cut);
        return new CaseProblem(source, "$", loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                "not valid JSON: " + text, CaseProblem.SYNTAX);
    }

    /**
     * The parser's message without the parser's own names: Jackson tells a programmer which of
     * its settings sets a limit or would accept the input (`StreamReadConstraints...`,
     * `JsonReadFeature...`, the Java type it was binding to); a user needs the limit only.
     */
    static String parserMessage(String text) {
        if (text == null) return "";
        return text.replaceAll(", from `[^`]*`\\)", ")")
                .replaceAll(":? ?(?:enable|disable) `[^`]*`(?: to allow)?", "")
                .replaceAll(" \\(bound as `[^`]*`\\)", "")
                .replaceAll(": not allowed as per `[^`]*`", "")
                .replaceAll(" \\(`[^`]*` disabled\\)", "");
    }
}
