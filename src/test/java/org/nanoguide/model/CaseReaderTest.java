package org.nanoguide.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input of case-format.md is rejected with one line: file, JSON path, line. */
class CaseReaderTest {
    private static final CaseReader READER = new CaseReader();

    private static CaseInput read(String json) {
        List<CaseInput> all = READER.readDocument("cases/x.json", "x", json.getBytes(StandardCharsets.UTF_8), 0).cases();
        assertEquals(1, all.size());
        return all.get(0);
    }

    private static String rejected(String json) {
        CaseInput in = read(json);
        CaseInput.Rejected r = assertInstanceOf(CaseInput.Rejected.class, in, () -> "accepted: " + json);
        assertTrue(r.message().startsWith("cases/x.json: $") || r.message().startsWith("cases/x.json[0]: $"), r.message());
        assertTrue(!r.message().contains("\n") && !r.message().contains("Exception"), r.message());
        return r.message();
    }

    @Test
    void saysWhetherADocumentWasAnArrayPastWhitespaceAndAByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String one = "{\"tumor\": {\"type\": \"LUNG\"}}";
        assertTrue(READER.readDocument("r", "r", (" \r\n\t[" + one + "]").getBytes(StandardCharsets.UTF_8), 0).array());
        assertTrue(READER.readDocument("r", "r", concat(bom, " [" + one + "]"), 0).array());
        assertFalse(READER.readDocument("r", "r", concat(bom, one), 0).array());
        assertFalse(READER.readDocument("r", "r", "{\"tumor\": {\"type\": \"LUNG\", \"x\": [1]}}".getBytes(StandardCharsets.UTF_8), 0).array());
        // a body that is not JSON, or is empty, is no array, even when it starts like one
        assertFalse(READER.readDocument("r", "r", "[{".getBytes(StandardCharsets.UTF_8), 0).array());
        assertFalse(READER.readDocument("r", "r", new byte[0], 0).array());
        // an empty array is still an array, whose one problem belongs to no case
        CaseDocument empty = READER.readDocument("r", "r", "[]".getBytes(StandardCharsets.UTF_8), 0);
        assertTrue(empty.array());
        assertInstanceOf(CaseInput.Rejected.class, empty.cases().get(0));
    }

    @Test
    void readOneRefusesAnArrayEvenOfOneCase() {
        CaseInput in = READER.readOne("body", "[{\"tumor\": {\"type\": \"LUNG\"}}]");
        CaseInput.Rejected r = assertInstanceOf(CaseInput.Rejected.class, in);
        assertEquals("body: $: expected one case object, found an array of 1", r.message());
        assertInstanceOf(CaseInput.Valid.class, READER.readOne("body", "{\"tumor\": {\"type\": \"LUNG\"}}"));
    }

    private static byte[] concat(byte[] head, String tail) {
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(head, head.length + t.length);
        System.arraycopy(t, 0, out, head.length, t.length);
        return out;
    }

    @Test
    void theSpecExampleIsAccepted() throws Exception {
        String example = """
            {"schemaVersion": 1, "id": "gbm-deep-01", "description": "free text, shown back in reports",
             "patient": {"age": 54, "cardiacRisk": false, "priorAnthracyclineMgPerM2": 0, "heavyMetalConcern": false,
                         "renalImpairment": false, "hepaticImpairment": false, "pregnant": false},
             "tumor": {"type": "GLIOBLASTOMA", "depthCm": 6.0, "sizeCm": 4.2, "vascularLeakiness": "HIGH",
                       "interstitialPressure": "NORMAL",
                       "receptors": {"HER2": "NEGATIVE", "FOLATE_RECEPTOR": "UNKNOWN", "TRANSFERRIN_RECEPTOR": "POSITIVE"},
                       "multidrugResistance": {"present": true, "mechanisms": ["EFFLUX_PGP"]}, "metastatic": false},
             "therapy": {"plannedDrugs": ["DOXORUBICIN", "PACLITAXEL"], "geneSilencing": false, "drugPoorlySoluble": false,
                         "drugEnzymeLabile": false, "sustainedReleaseWanted": false},
             "goals": {"imaging": true, "realTimeMonitoring": false, "theranostic": true},
             "resources": {"nirLaser": false, "alternatingMagneticField": true, "mri": true, "fluorescenceImaging": false},
             "constraints": {"costSensitive": false, "evidence": "CLINICAL_TRIAL"}}
            """;
        NanoCase c = assertInstanceOf(CaseInput.Valid.class, read(example)).value();
        assertEquals("gbm-deep-01", c.id());
        assertEquals(TumorType.GLIOBLASTOMA, c.tumor().type());
        assertEquals(ReceptorStatus.POSITIVE, c.tumor().receptor(ReceptorName.TRANSFERRIN_RECEPTOR));
        assertEquals(List.of(MdrMechanism.EFFLUX_PGP), c.tumor().multidrugResistance().mechanisms());
        assertEquals(EvidenceAccepted.CLINICAL_TRIAL, c.constraints().evidence());
    }

    @Test
    void onlyTheTumorTypeIsRequiredAndMissingMeansUnknown() {
        NanoCase c = assertInstanceOf(CaseInput.Valid.class, read("{\"tumor\": {\"type\": \"BREAST\"}}")).value();
        assertEquals("x", c.id(), "the id defaults to the file name");
        assertEquals(null, c.patient().cardiacRisk());
        assertEquals(ReceptorStatus.UNKNOWN, c.tumor().receptor(ReceptorName.HER2));
        assertEquals(EvidenceAccepted.INVESTIGATIONAL, c.constraints().evidence());
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        String msg = rejected("{\n  \"tumor\": {\"type\": \"BREAST\",}\n}");
        assertTrue(msg.contains("not valid JSON"), msg);
        assertTrue(msg.contains("line 2, column"), msg);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wrong type      | {\"tumor\": {\"type\": \"BREAST\"}, \"patient\": {\"age\": \"old\"}}                 | $.patient.age",
        "out of range    | {\"tumor\": {\"type\": \"BREAST\"}, \"patient\": {\"age\": 200}}                     | $.patient.age",
        "negative depth  | {\"tumor\": {\"type\": \"BREAST\", \"depthCm\": -1}}                                  | $.tumor.depthCm",
        "unknown enum    | {\"tumor\": {\"type\": \"BRAIN\"}}                                                  | $.tumor.type",
        "unknown status  | {\"tumor\": {\"type\": \"BREAST\", \"receptors\": {\"HER2\": \"YES\"}}}             | $.tumor.receptors.HER2",
        "unknown field   | {\"tumor\": {\"type\": \"BREAST\", \"receptors\": {\"her2 \": \"POSITIVE\"}}}       | $.tumor.receptors['her2 ']",
        "unknown top     | {\"tumor\": {\"type\": \"BREAST\"}, \"patiente\": {}}                                | $.patiente",
        "missing type    | {\"tumor\": {\"depthCm\": 2}}                                                        | $.tumor",
        "missing tumor   | {\"patient\": {\"age\": 40}}                                                          | $",
        "newer version   | {\"schemaVersion\": 2, \"tumor\": {\"type\": \"BREAST\"}}                            | $.schemaVersion",
        "not an object   | [1]                                                                                   | $[0]",
        "duplicate key   | {\"tumor\": {\"type\": \"BREAST\", \"type\": \"LUNG\"}}                              | $",
        "bad mechanism   | {\"tumor\": {\"type\": \"LUNG\", \"multidrugResistance\": {\"mechanisms\": [\"X\"]}}} | $.tumor.multidrugResistance.mechanisms[0]",
    })
    void badInputIsRejectedNamingTheJsonPath(String kind, String json, String path) {
        String msg = rejected(json.strip());
        assertTrue(msg.startsWith("cases/x.json: " + path.strip() + ":") || msg.startsWith("cases/x.json[0]: " + path.strip() + ":"),
                kind + ": " + msg);
    }

    @Test
    void schemaErrorsNameTheLine() {
        String msg = rejected("{\n  \"tumor\": {\n    \"type\": \"BREAST\",\n    \"receptors\": {\"her2 \": \"POSITIVE\"}\n  }\n}");
        assertTrue(msg.contains("unknown field \"her2 \""), msg);
        assertTrue(msg.contains("(line 4, column"), msg);
    }

    @Test
    void unknownDrugNamesAreKeptNotDropped() {
        NanoCase c = assertInstanceOf(CaseInput.Valid.class,
                read("{\"tumor\": {\"type\": \"LUNG\"}, \"therapy\": {\"plannedDrugs\": [\"Cisplatin\", \"VORINOSTAT\"]}}")).value();
        assertEquals(List.of("Cisplatin", "VORINOSTAT"), c.therapy().plannedDrugs());
    }

    @Test
    void oneBadCaseInAnArrayLeavesTheOthersValid() {
        List<CaseInput> all = READER.readDocument("batch.json", "batch",
                "[{\"tumor\": {\"type\": \"LUNG\"}}, {\"tumor\": {\"type\": \"NOPE\"}}, {\"tumor\": {\"type\": \"SKIN\"}}]"
                        .getBytes(StandardCharsets.UTF_8), 0).cases();
        assertEquals(3, all.size());
        assertInstanceOf(CaseInput.Valid.class, all.get(0));
        CaseInput.Rejected bad = assertInstanceOf(CaseInput.Rejected.class, all.get(1));
        assertTrue(bad.message().startsWith("batch.json[1]: $[1].tumor.type:"), bad.message());
        assertEquals("batch[2]", assertInstanceOf(CaseInput.Valid.class, all.get(2)).value().id());
    }

    @Test
    void deepNestingAndHugeValuesAreRejectedNotCrashed() {
        String deep = "{\"tumor\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertTrue(rejected(deep).contains("$"));
        rejected("{\"tumor\": {\"type\": \"BREAST\", \"depthCm\": 1e400}}");
        rejected("{\"tumor\": {\"type\": \"BREAST\"}, \"id\": \"" + "x".repeat(300) + "\"}");
    }

    /** The review's defect 11 (#10): the parser's messages name the limit, not the parser's classes or settings. */
    @Test
    void parserMessagesNameNoInternalClassesOrSettings() {
        List<String> messages = List.of(
                rejected("{\"tumor\": " + "[".repeat(100) + "]".repeat(100) + "}"),
                rejected("{\"tumor\": {\"type\": \"LUNG\", \"depthCm\": NaN}}"),
                rejected("{\"tumor\": {\"type\": \"LUNG\", \"depthCm\": " + "1".repeat(401) + "}}"),
                rejected("{\"tumor\": {\"type\": \"LUNG\"}} {\"tumor\": {\"type\": \"LUNG\"}}"),
                rejected("{\"tumor\": {\"type\": \"LUNG\""),
                rejected("{\"tumor\": {\"type\": \"LUNG\"}, \"id\": \"" + "x".repeat(CaseReader.MAX_STRING + 10) + "\"}"));
        for (String m : messages) {
            assertTrue(!m.contains("`") && !m.contains("StreamRead") && !m.contains("JsonReadFeature") && !m.contains("jackson"), m);
        }
        assertTrue(messages.get(0).contains("Document nesting depth (" + (CaseReader.MAX_NESTING + 1)
                + ") exceeds the maximum allowed (" + CaseReader.MAX_NESTING + ")"), messages.get(0));
        assertTrue(messages.get(1).contains("Non-standard token 'NaN'"), messages.get(1));
    }
}
