package org.nanoguide.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The FHIR codes nanoguide understands, read from {@code /nanoguide/fhir/codes.tsv}: which code
 * (with, for an Observation, which answer or which range) sets which case field to which value.
 * A table, not Java, so that a terminologist can review and extend it line by line against the
 * sources docs/fhir-mapping.md names.
 */
public final class CodeTable {
    static final String RESOURCE = "/nanoguide/fhir/codes.tsv";

    /**
     * One line of the table.
     *
     * @param code  an exact code, or a category ending in {@code *}
     * @param value empty, an answer {@code system|code}, or {@code <N}
     */
    public record Row(String resource, String system, String code, String value, String field, String setTo,
                      String display, String source) {
        boolean matchesCode(String resourceType, String sys, String c) {
            if (!resource.equals(resourceType) || !system.equals(sys) || c == null) return false;
            return code.endsWith("*") ? c.startsWith(code.substring(0, code.length() - 1)) : code.equals(c);
        }

        boolean needsAnswer() { return !value.isEmpty() && !value.startsWith("<"); }

        boolean needsQuantity() { return value.startsWith("<"); }

        boolean answers(String sys, String c) { return value.equals(sys + "|" + c); }

        boolean below(BigDecimal q) { return q != null && q.compareTo(new BigDecimal(value.substring(1))) < 0; }
    }

    private final List<Row> rows;

    private CodeTable(List<Row> rows) { this.rows = List.copyOf(rows); }

    /** The table bundled with nanoguide. */
    public static CodeTable bundled() {
        try (InputStream in = CodeTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + RESOURCE);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CodeTable parse(String text) {
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        for (String line : text.split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (header) {
                header = false;
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length != 8) throw new IllegalStateException(RESOURCE + ": expected 8 columns: " + line);
            rows.add(new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]));
        }
        return new CodeTable(rows);
    }

    public List<Row> rows() { return rows; }

    /** The rows a resource's coding matches, whatever their answer or range. */
    List<Row> matching(String resourceType, String system, String code) {
        return rows.stream().filter(r -> r.matchesCode(resourceType, system, code)).toList();
    }
}
