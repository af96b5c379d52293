package org.nanoguide.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.nanoguide.explain.Result;

/**
 * CSV for R, pandas and spreadsheets: a header row, then one row per evaluated case, rendered on
 * the worker threads and written as each case finishes, so memory stays flat on any input.
 * Quoting and line ends follow RFC 4180; a value is quoted only when it must be (it holds a comma, a
 * quote or a line break), so that the file stays readable.
 * Values are the JSON contract's codes, never labels, so that a column groups and counts the
 * same way in every release; the column names are part of the contract ({@link #COLUMNS}).
 * A rejected case has no row: it is named on standard error, as in every format.
 */
public final class CsvFormat implements ResultFormat<String> {
    /** Options given a column group of their own; further ones are only counted. */
    static final int OPTIONS = 3;
    /** Between the items of a list held in one cell (targeting, products, exclusions, warnings). */
    static final String ITEMS = ";";

    /** The columns, in order. Documented in docs/case-format.md; renaming one breaks scripts. */
    public static final List<String> COLUMNS = columns();

    private static final ObjectWriter ROW = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build()
            .writer(CsvSchema.emptySchema().withoutHeader().withLineSeparator("\r\n"));

    private final Output out;
    private boolean started;

    public CsvFormat(Output out) { this.out = out; }

    private static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("caseId", "tumorType", "recommended"));
        for (int i = 1; i <= OPTIONS; i++) {
            for (String part : List.of("Carrier", "Modality", "Targeting", "Evidence", "Certainty", "Products")) {
                c.add("option" + i + part);
            }
        }
        c.addAll(List.of("excluded", "warnings"));
        return List.copyOf(c);
    }

    @Override
    public String render(Result result) { return row(values(result)); }

    /** One case's values, in the order of {@link #COLUMNS}; an empty string for an empty cell (a null would drop the cell). */
    static List<Object> values(Result r) {
        List<Object> v = new ArrayList<>(COLUMNS.size());
        v.add(r.caseId() == null ? "" : r.caseId());
        v.add(r.tumorType() == null ? "" : r.tumorType().name());
        v.add(r.recommendations().size());
        for (int i = 0; i < OPTIONS; i++) {
            if (i < r.recommendations().size()) {
                Result.RankedRecommendation o = r.recommendations().get(i);
                v.add(o.carrier().name());
                v.add(o.modality().name());
                v.add(o.targeting().stream().map(Enum::name).collect(Collectors.joining(ITEMS)));
                v.add(o.evidence().name());
                v.add(o.certainty());
                v.add(String.join(ITEMS, o.products()));
            } else {
                for (int k = 0; k < 6; k++) v.add("");
            }
        }
        v.add(r.excluded().stream().map(CsvFormat::excluded).distinct().collect(Collectors.joining(ITEMS)));
        Set<String> codes = new LinkedHashSet<>();
        r.warnings().forEach(w -> codes.add(w.code().name()));
        v.add(String.join(ITEMS, codes));
        return v;
    }

    /** An exclusion as codes: the carrier, then the modality ({@code *} for every one) when it names a ligand or a modality. */
    static String excluded(Result.ExcludedOption x) {
        StringBuilder sb = new StringBuilder(x.carrier().name());
        if (x.modality() != null || x.targeting() != null) sb.append('/').append(x.modality() == null ? "*" : x.modality().name());
        if (x.targeting() != null) sb.append('/').append(x.targeting().name());
        return sb.toString();
    }

    private static String row(List<?> values) {
        try {
            return ROW.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a CSV row", e);
        }
    }

    @Override
    public void write(Result result, String rendered) {
        start();
        out.print(rendered);
    }

    @Override
    public void finish() { start(); }

    /** The header, once, before the first row; alone when no case was evaluated, so that the output still reads as a table. */
    private void start() {
        if (!started) out.print(row(COLUMNS));
        started = true;
    }
}
