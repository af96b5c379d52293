package org.nanoguide.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The header row of a CSV input, read against the case schema: each column is a dotted case path
 * ({@code tumor.receptors.HER2}) to one value of the format, or to a list of values given in one
 * cell with {@code ;} between the items. A row becomes the JSON tree of a case, each cell typed
 * as the schema types its place, so that the reader validates it exactly as it validates a JSON
 * case, and its messages are mapped back to the row's columns. Immutable: shared by the threads
 * that read the rows.
 */
final class CsvColumns {
    /** Between the items of a list in one cell. */
    static final String ITEMS = ";";
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    /** Longer numbers are left as text, for the schema to refuse, as the JSON reader refuses them. */
    private static final int MAX_NUMBER = 400;

    /** How a cell's text becomes a JSON value: as the schema types the place. */
    enum Kind { STRING, INTEGER, NUMBER, BOOLEAN }

    /** One column: its header, the path it names, how its cells are typed, and whether a cell holds a list. */
    record Column(int number, String header, List<String> path, Kind kind, boolean list) { }

    private final List<Column> columns;

    private CsvColumns(List<Column> columns) { this.columns = List.copyOf(columns); }

    int size() { return columns.size(); }

    /**
     * The columns of this header, or every problem it has: a header the format does not have
     * (with the field meant, where it looks like a slip), a group of fields where one value is
     * meant, a column named twice, a column without a name.
     */
    static CsvColumns read(SchemaFields schema, String source, List<String> header, List<CaseProblem> problems) {
        List<Column> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            String where = source + ": row 1, column " + (i + 1) + (name.isEmpty() ? "" : " (" + name + ")");
            String why = name.isEmpty() ? "no header: every column names a case path, such as tumor.type"
                    : !seen.add(name) ? "named twice: each case path is one column" : null;
            Column c = null;
            if (why == null) {
                List<String> path = Arrays.asList(name.split("\\.", -1));
                why = unknown(schema, path);
                if (why != null && !why.contains("did you mean")) why = elsewhere(schema, name).orElse(why);
                if (why == null) {
                    JsonNode at = schema.nodeAt(path);
                    boolean list = "array".equals(at.path("type").asText());
                    Kind kind = kind(list ? schema.nodeAt(append(path, 0)) : at);
                    if (kind == null) why = notOneValue(name, list);
                    else c = new Column(i + 1, name, List.copyOf(path), kind, list);
                }
            }
            if (why != null) {
                if (name.contains(ITEMS) || name.contains("\t")) why += " (nanoguide reads CSV with commas between the columns)";
                problems.add(new CaseProblem(where, null, 0, 0, why));
            } else {
                out.add(c);
            }
        }
        return problems.isEmpty() ? new CsvColumns(out) : null;
    }

    /** Why the format has no such path (the first step it lacks, as a JSON case's unknown field is told), or null. */
    private static String unknown(SchemaFields schema, List<String> path) {
        for (int i = 0; i < path.size(); i++) {
            List<String> parent = path.subList(0, i);
            JsonNode parentNode = schema.nodeAt(parent);
            if (parentNode == null || !parentNode.has("properties")) {
                return String.join(".", parent) + " is one value, with no fields under it";
            }
            if (!parentNode.path("properties").has(path.get(i))) {
                String parentPath = "$" + parent.stream().map(SchemaMessages::member).reduce("", String::concat);
                return schema.unknownField(path.get(i), List.copyOf(parent), parentPath);
            }
        }
        return null;
    }

    /**
     * The case path a header names by its last part only, or in the wrong place ({@code type} for
     * {@code tumor.type}, {@code HER2} for {@code tumor.receptors.HER2}), as a did-you-mean.
     */
    private static Optional<String> elsewhere(SchemaFields schema, String header) {
        List<String> leaves = new ArrayList<>();
        leaves(schema, new ArrayList<>(), leaves);
        String last = header.substring(header.lastIndexOf('.') + 1);
        List<String> lastParts = leaves.stream().map(l -> l.substring(l.lastIndexOf('.') + 1)).toList();
        return SchemaFields.closest(last, lastParts)
                .map(p -> leaves.get(lastParts.indexOf(p)))
                .map(path -> "unknown column \"" + header + "\": did you mean \"" + path + "\"?");
    }

    /** Every path to one value (or a list of values) of the format, in the schema's order. */
    private static void leaves(SchemaFields schema, List<Object> path, List<String> out) {
        List<String> fields = schema.fieldsAt(path);
        if (fields.isEmpty() && !path.isEmpty()) out.add(path.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(".")));
        for (String f : fields) {
            path.add(f);
            leaves(schema, path, out);
            path.remove(path.size() - 1);
        }
    }

    private static String notOneValue(String name, boolean list) {
        return list ? "a list of groups of fields, which a CSV cell cannot hold; give these cases as JSON"
                : "a group of fields: give each as a column of its own, such as " + name + "."
                + "<field> (docs/case-format.md)";
    }

    private static List<Object> append(List<String> path, Object step) {
        List<Object> out = new ArrayList<>(path);
        out.add(step);
        return out;
    }

    /** How the schema types a single value; null for a group of fields (an object). */
    private static Kind kind(JsonNode node) {
        if (node == null) return null;
        return switch (node.path("type").asText("")) {
            case "object", "array" -> null;
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.NUMBER;
            case "boolean" -> Kind.BOOLEAN;
            default -> node.has("properties") ? null : Kind.STRING;
        };
    }

    /**
     * A row as the JSON tree of a case. An empty cell leaves its field out ("not known"); a cell
     * that is not of its column's type stays text, so that the schema says what it expected.
     */
    ObjectNode tree(List<String> cells) {
        ObjectNode root = NODES.objectNode();
        for (Column c : columns) {
            String cell = c.number() <= cells.size() ? java.util.Objects.toString(cells.get(c.number() - 1), "").strip() : "";
            if (cell.isEmpty()) continue;
            ObjectNode parent = root;
            for (String step : c.path().subList(0, c.path().size() - 1)) {
                JsonNode child = parent.get(step);
                parent = child instanceof ObjectNode o ? o : parent.putObject(step);
            }
            String field = c.path().get(c.path().size() - 1);
            if (c.list()) {
                ArrayNode items = parent.putArray(field);
                for (String item : cell.split(ITEMS, -1)) items.add(value(item.strip(), c.kind()));
            } else {
                parent.set(field, value(cell, c.kind()));
            }
        }
        return root;
    }

    static JsonNode value(String text, Kind kind) {
        if (kind == Kind.BOOLEAN && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return NODES.booleanNode(Boolean.parseBoolean(text));
        }
        if ((kind == Kind.INTEGER || kind == Kind.NUMBER) && text.length() <= MAX_NUMBER) {
            if (INTEGER.matcher(text).matches()) return NODES.numberNode(new BigInteger(text));
            try {
                return NODES.numberNode(new BigDecimal(text));
            } catch (NumberFormatException e) {
                // left as text: the schema says a number was expected, as for a JSON case
            }
        }
        return NODES.textNode(text);
    }

    /**
     * The problems of a row's case, placed in the row and in the order of its columns: each at
     * the column whose path it is about (with its JSON path only when that says more, as for an
     * item of a list), else at the row, first.
     */
    List<CaseProblem> place(String source, long row, List<CaseProblem> problems) {
        record Placed(int column, CaseProblem problem) { }
        List<Placed> out = new ArrayList<>(problems.size());
        for (CaseProblem p : problems) {
            String path = p.path() == null ? "" : p.path();
            Column at = null;
            for (Column c : columns) {
                String own = "$." + String.join(".", c.path());
                if (path.equals(own) || path.startsWith(own + "[")) at = c;
            }
            out.add(at == null ? new Placed(0, new CaseProblem(source + ": row " + row, p.path(), 0, 0, p.detail(), p.code()))
                    : new Placed(at.number(), new CaseProblem(source + ": row " + row + ", column " + at.number() + " (" + at.header() + ")",
                            path.equals("$." + String.join(".", at.path())) ? null : path, 0, 0, p.detail(), p.code())));
        }
        out.sort(java.util.Comparator.comparingInt(Placed::column));
        return out.stream().map(Placed::problem).toList();
    }
}
