package org.nanoguide.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;

/** An invalid case says everything that is wrong with it, in the order a person reads the file. */
class CaseProblemsTest {
    private static final CaseReader READER = new CaseReader();

    private static CaseInput.Rejected rejected(String json) {
        List<CaseInput> all = READER.readDocument("x.json", "x", json.getBytes(StandardCharsets.UTF_8), 0).cases();
        assertEquals(1, all.size());
        return assertInstanceOf(CaseInput.Rejected.class, all.get(0), json);
    }

    @Test
    void everyProblemIsListedInDocumentOrderWithLineAndColumn() {
        // the review's example: the unmodelled receptor comes first in the file, the wrong type later
        CaseInput.Rejected r = rejected("""
                {"id": "two-problems",
                 "tumor": {"type": "BREAST", "receptors": {"ER": "POSITIVE"}},
                 "therapy": {"plannedDrugs": "DOXORUBICIN"},
                 "patient": {"age": -3}}
                """);
        List<String> paths = r.problems().stream().map(CaseProblem::path).toList();
        assertEquals(List.of("$.tumor.receptors.ER", "$.therapy.plannedDrugs", "$.patient.age"), paths, r.message());
        assertEquals(List.of(2L, 3L, 4L), r.problems().stream().map(CaseProblem::line).toList());
        assertTrue(r.problems().stream().allMatch(p -> p.column() > 0), r.message());
        assertEquals(3, r.message().lines().count(), r.message());
        assertTrue(r.message().lines().allMatch(l -> l.startsWith("x.json: $.")), r.message());
        assertFalse(r.message().contains("more problem"), r.message());
    }

    @Test
    void aMisspeltFieldGetsTheClosestNameTheSchemaKnowsThere() {
        assertTrue(rejected("{\"tumor\": {\"type\": \"LUNG\"}, \"patient\": {\"cardiac_risk\": true}}").message()
                .contains("unknown field \"cardiac_risk\": did you mean \"cardiacRisk\"?"));
        assertTrue(rejected("{\"tumor\": {\"type\": \"LUNG\", \"depth\": 3}}").message()
                .contains("did you mean \"depthCm\"?"));
        assertTrue(rejected("{\"tumor\": {\"type\": \"LUNG\"}, \"therapy\": {\"plannedDrgus\": []}}").message()
                .contains("did you mean \"plannedDrugs\"?"));
        assertTrue(rejected("{\"tumour\": {\"type\": \"LUNG\"}}").message().contains("did you mean \"tumor\"?"));
    }

    @Test
    void aFieldTheFormatDoesNotModelSaysSoAndListsWhatItModelsThere() throws Exception {
        JsonNode schema = READER.mapper().readTree(READER.schemaText());
        List<String> receptors = new ArrayList<>();
        schema.at("/properties/tumor/properties/receptors/properties").fieldNames().forEachRemaining(receptors::add);
        String er = rejected("{\"tumor\": {\"type\": \"BREAST\", \"receptors\": {\"ER\": \"POSITIVE\"}}}").message();
        assertTrue(er.contains("does not model \"ER\" under $.tumor.receptors; there it models " + String.join(", ", receptors)), er);
        assertFalse(er.contains("did you mean") || er.contains("spelling"), er);

        List<String> tumor = new ArrayList<>();
        schema.at("/properties/tumor/properties").fieldNames().forEachRemaining(tumor::add);
        String stage = rejected("{\"tumor\": {\"type\": \"BREAST\", \"stage\": \"III\"}}").message();
        assertTrue(stage.contains("does not model \"stage\" under $.tumor; there it models " + String.join(", ", tumor)), stage);
    }

    @Test
    void anEnumValueInTheWrongCaseGetsTheValueItMeans() {
        String msg = rejected("{\"tumor\": {\"type\": \"Breast\"}}").message();
        assertTrue(msg.contains("must be one of BREAST, ") && msg.endsWith("(did you mean BREAST?) (line 1, column 20)"), msg);
    }

    @Test
    void manyProblemsAreCappedAndCounted() {
        StringBuilder json = new StringBuilder("{\"tumor\": {\"type\": \"LUNG\"}");
        int n = CaseReader.MAX_PROBLEMS + 5;
        for (int i = 0; i < n; i++) json.append(",\n \"extra").append(i).append("\": ").append(i);
        CaseInput.Rejected r = rejected(json.append('}').toString());
        assertEquals(CaseReader.MAX_PROBLEMS, r.problems().size());
        assertEquals("$.extra0", r.problems().get(0).path(), "document order, not name order");
        assertTrue(r.message().endsWith("x.json: and 5 more problems, not listed"), r.message());
    }

    @Test
    void aCsvFileIsOneLineSayingWhatWasFoundAndWhatToDo() {
        CaseInput.Rejected r = rejected("id,tumor_type,depth_cm\n1,LUNG,2\n2,SKIN,0.3\n");
        assertEquals(1, r.message().lines().count(), r.message());
        assertTrue(r.message().startsWith("x.json: not JSON: it starts with `id,tumor_type,depth_cm` (CSV?"), r.message());
        assertTrue(r.message().contains("nanoguide reads cases as JSON"), r.message());
        String xml = rejected("<case><tumor>LUNG</tumor></case>").message();
        assertTrue(xml.contains("not JSON: it starts with `<case>") && xml.contains("XML"), xml);
        // JSON with a syntax error is still reported as one, with its line
        assertTrue(rejected("{\"tumor\": {\"type\": \"LUNG\",}}").message().contains("not valid JSON"));
    }

    @Test
    void theJavaApiCarriesEveryProblem() {
        InvalidCaseException e = assertThrows(InvalidCaseException.class, () -> TestKb.guide().evaluate(
                "{\"tumor\": {\"type\": \"LUNG\", \"receptors\": {\"ER\": \"POSITIVE\"}}, \"patient\": {\"age\": \"old\"}}"));
        assertEquals(List.of("$.tumor.receptors.ER", "$.patient.age"), e.problems().stream().map(CaseProblem::path).toList());
        assertEquals(2, e.getMessage().lines().count(), e.getMessage());
    }
}
