package org.nanoguide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.render.CsvFormat;
import org.nanoguide.render.JsonRenderer;

/**
 * {@code --format csv} through the real command line over the real rules: a table any CSV
 * reader takes (RFC 4180), one row per evaluated case, saying what the JSON result says.
 */
class CsvOutputTest {
    private static Cli.Run evaluate(String... args) {
        List<String> all = new ArrayList<>(List.of("evaluate", "--rules", TestKb.RULES.toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    /** The rows of CSV text, each a list of cells, the header first, read by a CSV parser as R or pandas would. */
    static List<List<String>> parse(String csv) throws Exception {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).with(CsvSchema.emptySchema()).readValues(csv)) {
            while (it.hasNextValue()) rows.add(it.nextValue());
        }
        return rows;
    }

    @Test
    void everyExampleCaseIsOneRowThatSaysWhatItsJsonResultSays() throws Exception {
        Cli.Run csv = evaluate("--format", "csv", TestKb.CASES.toString());
        Cli.Run json = evaluate("--format", "ndjson", TestKb.CASES.toString());
        assertEquals(0, csv.status(), csv.err());
        List<List<String>> rows = parse(csv.out());
        assertEquals(CsvFormat.COLUMNS, rows.get(0), "the header is the documented columns");
        List<String> results = json.out().lines().toList();
        assertEquals(TestKb.exampleCases().size(), results.size());
        assertEquals(results.size(), rows.size() - 1, "one row per case");
        int withOptions = 0;
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = JsonRenderer.mapper().readTree(results.get(i));
            List<String> row = rows.get(i + 1);
            assertEquals(CsvFormat.COLUMNS.size(), row.size(), "every row has every column: " + row);
            assertEquals(r.get("caseId").asText(), cell(row, "caseId"));
            assertEquals(r.get("tumorType").asText(), cell(row, "tumorType"));
            JsonNode recs = r.get("recommendations");
            assertEquals(String.valueOf(recs.size()), cell(row, "recommended"));
            for (int k = 0; k < 3; k++) {
                String p = "option" + (k + 1);
                if (k >= recs.size()) {
                    assertEquals("", cell(row, p + "Carrier"), row.toString());
                    continue;
                }
                JsonNode o = recs.get(k);
                assertEquals(o.get("carrier").asText(), cell(row, p + "Carrier"));
                assertEquals(o.get("modality").asText(), cell(row, p + "Modality"));
                assertEquals(o.get("evidence").asText(), cell(row, p + "Evidence"));
                assertEquals(o.get("certainty").asDouble(), Double.parseDouble(cell(row, p + "Certainty")), 0);
                List<String> targeting = new ArrayList<>();
                o.get("targeting").forEach(t -> targeting.add(t.asText()));
                assertEquals(String.join(";", targeting), cell(row, p + "Targeting"));
                withOptions++;
            }
            Set<String> warnings = new LinkedHashSet<>();
            r.get("warnings").forEach(w -> warnings.add(w.get("code").asText()));
            assertEquals(String.join(";", warnings), cell(row, "warnings"));
            Set<String> excludedCarriers = new LinkedHashSet<>();
            r.get("excluded").forEach(x -> excludedCarriers.add(x.get("carrier").asText()));
            for (String carrier : excludedCarriers) assertTrue(cell(row, "excluded").contains(carrier), row.toString());
        }
        assertTrue(withOptions > 40, "the examples recommend: " + withOptions);
    }

    private static String cell(List<String> row, String column) {
        return row.get(CsvFormat.COLUMNS.indexOf(column));
    }

    @Test
    void anIdWithCommasAndQuotesIsQuotedAsRfc4180Says(@TempDir Path dir) throws Exception {
        // an id is printable text on one line (the schema), so a line break cannot reach a cell from it
        String id = "a, \"quoted\" id";
        Files.writeString(dir.resolve("odd.json"), "{\"id\": " + JsonRenderer.mapper().writeValueAsString(id)
                + ", \"tumor\": {\"type\": \"SKIN\", \"depthCm\": 0.4}, \"resources\": {\"nirLaser\": true}}");
        Cli.Run run = evaluate("--format", "csv", dir.resolve("odd.json").toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\"a, \"\"quoted\"\" id\",SKIN,"), run.out());
        assertTrue(run.out().endsWith("\r\n") && run.out().startsWith("caseId,tumorType,recommended,option1Carrier,"), run.out());
        List<List<String>> rows = parse(run.out());
        assertEquals(2, rows.size());
        assertEquals(id, rows.get(1).get(0));
        assertEquals("GOLD_NP", cell(rows.get(1), "option1Carrier"));
    }

    @Test
    void rejectedCasesHaveNoRowAndAreNamedOnStandardErrorAndTheHeaderStillComes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{\"tumor\": {\"type\": \"BRAEST\"}}");
        Cli.Run run = evaluate("--format", "csv", dir.resolve("bad.json").toString());
        assertEquals(1, run.status(), run.err());
        assertEquals(List.of(CsvFormat.COLUMNS), parse(run.out()));
        assertTrue(run.err().contains("bad.json: $.tumor.type: must be one of"), run.err());
    }

    @Test
    void everyColumnIsDocumented() throws Exception {
        String doc = Files.readString(TestKb.ROOT.resolve("docs/case-format.md"));
        for (String c : CsvFormat.COLUMNS) {
            String named = c.matches("option[23].*") ? c.substring(0, 7) + "..." : c;
            assertTrue(doc.contains("`" + named + "`"), "docs/case-format.md names the column " + named);
        }
    }

    @Test
    void whatIfHasNoCsvFormAndSaysSo() {
        Cli.Run run = evaluate("--format", "csv", "--what-if", TestKb.CASES.resolve("skin-shallow-no-devices.json").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--what-if has no CSV form"), run.err());
    }

    @Test
    void aValueSetOnTheCommandLineShowsInTheRow() throws Exception {
        String skin = TestKb.CASES.resolve("skin-shallow-no-devices.json").toString();
        Cli.Run without = evaluate("--format", "csv", skin);
        Cli.Run with = evaluate("--format", "csv", "--set", "resources.nirLaser=true", skin);
        assertEquals(0, with.status(), with.err());
        assertTrue(!cell(parse(without.out()).get(1), "option1Carrier").equals("GOLD_NP"), without.out());
        assertEquals("GOLD_NP", cell(parse(with.out()).get(1), "option1Carrier"), with.out());
    }
}
