package org.nanoguide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.model.CaseGenerator;
import org.nanoguide.render.CsvFormat;

/**
 * CSV input through the real command line over the real rules: a row is the same case as its
 * JSON, and every problem names the file, the row, the column and its header, without costing
 * the other rows.
 */
class CsvInputTest {
    private static final Path EXAMPLE = TestKb.ROOT.resolve("docs/examples/cohort.csv");

    private static Cli.Run evaluate(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("evaluate", "--rules", TestKb.RULES.toString()));
        all.addAll(List.of(args));
        return Cli.withStdin(stdin, all.toArray(String[]::new));
    }

    private static List<String> errors(Cli.Run run) {
        return run.err().lines().filter(l -> !l.startsWith("nanoguide: ")).toList();
    }

    /**
     * Generated cases written as CSV by this test (each leaf of the JSON a column, lists joined by
     * semicolons) give byte for byte the results of the same cases as NDJSON.
     */
    @Test
    void generatedCasesAsCsvGiveTheSameResultsAsAsNdjson(@TempDir Path dir) throws Exception {
        CaseGenerator gen = new CaseGenerator(19);
        List<Map<String, String>> rows = new ArrayList<>();
        StringBuilder ndjson = new StringBuilder();
        TreeSet<String> header = new TreeSet<>();
        for (int i = 0; i < 300; i++) {
            JsonNode c = gen.next();
            ndjson.append(c).append('\n');
            Map<String, String> row = new LinkedHashMap<>();
            flatten("", c, row);
            header.addAll(row.keySet());
            rows.add(row);
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        header.forEach(schema::addColumn);
        Files.writeString(dir.resolve("cases.csv"), new CsvMapper().writer(schema.build()).writeValueAsString(rows));
        Files.writeString(dir.resolve("cases.ndjson"), ndjson.toString());
        Cli.Run fromCsv = evaluate(null, "--format", "ndjson", dir.resolve("cases.csv").toString());
        Cli.Run fromJson = evaluate(null, "--format", "ndjson", dir.resolve("cases.ndjson").toString());
        assertEquals(0, fromCsv.status(), fromCsv.err());
        assertEquals(300, fromJson.out().lines().count());
        assertEquals(fromJson.out(), fromCsv.out());
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(x -> items.add(x.asText()));
            if (!items.isEmpty()) out.put(prefix, String.join(";", items));
        } else {
            out.put(prefix, node.asText());
        }
    }

    @Test
    void theBundledExampleIsEvaluatedRowByRowFromAFileAFolderAndStandardInput() throws Exception {
        Cli.Run file = evaluate(null, "--format", "csv", EXAMPLE.toString());
        assertEquals(0, file.status(), file.err());
        List<List<String>> rows = CsvOutputTest.parse(file.out());
        assertEquals(List.of("breast-01", "gbm-02", "skin-03", "aml-04", "pancreas-05"), rows.stream().skip(1).map(r -> r.get(0)).toList());
        assertEquals(List.of("BREAST", "GLIOBLASTOMA", "SKIN", "LEUKEMIA", "PANCREATIC"), rows.stream().skip(1).map(r -> r.get(1)).toList());
        int carrier = CsvFormat.COLUMNS.indexOf("option1Carrier");
        assertEquals("IRON_OXIDE_NP", rows.get(2).get(carrier), "the deep glioblastoma with an applicator: " + rows.get(2));
        assertEquals("GOLD_NP", rows.get(3).get(carrier), "the shallow skin lesion with a laser: " + rows.get(3));

        Cli.Run folder = evaluate(null, "--format", "csv", EXAMPLE.getParent().toString());
        assertEquals(file.out(), folder.out(), "a folder's .csv files are read");
        // as a spreadsheet exports it: a byte order mark and CRLF line ends, on standard input
        String excel = "\uFEFF" + Files.readString(EXAMPLE).replace("\n", "\r\n");
        Cli.Run stdin = evaluate(excel, "--format", "csv", "-");
        assertEquals(0, stdin.status(), stdin.err());
        assertEquals(file.out().replace(EXAMPLE.toString(), "stdin"), stdin.out());
    }

    @Test
    void aBadValueNamesItsRowColumnAndHeaderAndTheOtherRowsAreStillEvaluated(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("cohort.csv");
        Files.writeString(csv, """
                id,tumor.type,tumor.depthCm,patient.age,therapy.plannedDrugs,resources.nirLaser
                one,SKIN,0.4,70,,TRUE
                two,LUNG,-1,sixty,DOXORUBICIN;,yes

                three,BRAEST,1.5,2.5,,false
                four,LUNG,2,50,,true,extra
                five,LUNG,2,50,,
                """);
        Cli.Run run = evaluate(null, "--format", "csv", csv.toString());
        assertEquals(1, run.status(), run.err());
        List<List<String>> out = CsvOutputTest.parse(run.out());
        assertEquals(List.of("one", "five"), out.stream().skip(1).map(r -> r.get(0)).toList(), run.out());
        assertEquals("GOLD_NP", out.get(1).get(CsvFormat.COLUMNS.indexOf("option1Carrier")), "TRUE is true: " + out.get(1));
        assertEquals(List.of(
                csv + ": row 3, column 3 (tumor.depthCm): must have a minimum value of 0",
                csv + ": row 3, column 4 (patient.age): string found, integer expected",
                csv + ": row 3, column 5 (therapy.plannedDrugs): $.therapy.plannedDrugs[1]: must be at least 1 characters long",
                csv + ": row 3, column 6 (resources.nirLaser): string found, boolean expected",
                csv + ": row 5, column 2 (tumor.type): must be one of BREAST, OVARIAN, LUNG, PANCREATIC, PROSTATE, GLIOBLASTOMA, "
                        + "LIVER, COLORECTAL, GASTRIC, HEAD_AND_NECK, SKIN, CERVICAL, KAPOSI_SARCOMA, SARCOMA, OTHER_SOLID, LEUKEMIA, "
                        + "LYMPHOMA, MULTIPLE_MYELOMA, OTHER_HEMATOLOGIC (did you mean BREAST?)",
                csv + ": row 5, column 4 (patient.age): number found, integer expected",
                csv + ": row 6: 7 cells where the header has 6 columns (a value holding a comma must be in double quotes)"),
                errors(run));
        assertTrue(run.err().contains("5 cases: 2 evaluated, 3 rejected"), run.err());
    }

    @Test
    void theSameValueAsJsonGivesTheSameMessageAsJson(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.json"), "{\"tumor\": {\"type\": \"LUNG\", \"sizeCm\": 0}}");
        Files.writeString(dir.resolve("x.csv"), "tumor.type,tumor.sizeCm\nLUNG,0\n");
        String json = errors(evaluate(null, dir.resolve("x.json").toString())).get(0);
        String csv = errors(evaluate(null, dir.resolve("x.csv").toString())).get(0);
        String detail = json.substring(json.indexOf("$.tumor.sizeCm: ") + "$.tumor.sizeCm: ".length()).replaceFirst(" \\(line.*", "");
        assertEquals(dir.resolve("x.csv") + ": row 2, column 2 (tumor.sizeCm): " + detail, csv);
    }

    @Test
    void aBadHeaderRejectsTheFileNamingEachColumnAndOtherInputsGoOn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("cohort.csv");
        Files.writeString(csv, "id,tumour.type,depth,tumor.receptors,,id\nx,LUNG,2,,,\n");
        Cli.Run run = evaluate(null, "--format", "csv", csv.toString(), EXAMPLE.toString());
        assertEquals(1, run.status(), run.err());
        assertEquals(List.of(
                csv + ": row 1, column 2 (tumour.type): unknown field \"tumour\": did you mean \"tumor\"?",
                csv + ": row 1, column 3 (depth): unknown column \"depth\": did you mean \"tumor.depthCm\"?",
                csv + ": row 1, column 4 (tumor.receptors): a group of fields: give each as a column of its own, "
                        + "such as tumor.receptors.<field> (docs/case-format.md)",
                csv + ": row 1, column 5: no header: every column names a case path, such as tumor.type",
                csv + ": row 1, column 6 (id): named twice: each case path is one column"), errors(run));
        assertEquals(6, CsvOutputTest.parse(run.out()).size(), "the example's five cases are still evaluated: " + run.out());
    }

    @Test
    void theMessagesTheDocsShowAreTheOnesPrinted() throws Exception {
        String doc = Files.readString(TestKb.ROOT.resolve("docs/case-format.md"));
        for (String input : List.of("id,tumor.type,tumour.depth\na,LUNG,2\n", "id,tumor.type,tumor.depthCm\na,LUNG,-1\nb,SKIN,0.4\n")) {
            assertTrue(doc.contains("printf '" + input.replace("\n", "\\n") + "' | ./nanoguide evaluate -"), "the docs run " + input);
            Cli.Run run = evaluate(input, "-");
            assertEquals(1, run.status(), run.err());
            assertEquals(1, errors(run).size(), run.err());
            assertTrue(doc.contains("\n" + errors(run).get(0) + "\n"), "docs/case-format.md shows: " + errors(run).get(0));
        }
    }

    @Test
    void brokenQuotingStopsTheFileAfterTheRowsBeforeIt(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("cohort.csv");
        Files.writeString(csv, "id,tumor.type\na,LUNG\n\"b,LUNG\nc,SKIN\n");
        Cli.Run run = evaluate(null, "--format", "csv", csv.toString());
        assertEquals(1, run.status(), run.err());
        assertEquals(2, CsvOutputTest.parse(run.out()).size(), run.out());
        assertEquals(1, errors(run).size(), run.err());
        assertTrue(errors(run).get(0).startsWith(csv + ": row 3: not valid CSV: "), run.err());
    }

    @Test
    void aHeaderWithoutRowsOrNothingAtAllSaysWhatWasExpected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("header.csv"), "id,tumor.type\n\n");
        Files.writeString(dir.resolve("empty.csv"), "");
        Cli.Run header = evaluate(null, dir.resolve("header.csv").toString());
        assertEquals(1, header.status());
        assertEquals(List.of(dir.resolve("header.csv") + ": no case under the header: expected one case a row"), errors(header));
        Cli.Run empty = evaluate(null, dir.resolve("empty.csv").toString());
        assertEquals(1, empty.status());
        assertTrue(errors(empty).get(0).startsWith(dir.resolve("empty.csv") + ": empty input: expected CSV, a header row"), empty.err());
    }
}
