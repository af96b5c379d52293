package org.nanoguide.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nanoguide.Nanoguide;
import org.nanoguide.model.CaseGenerator;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.NanoCase;

/**
 * What the report says nanoguide understood is read from the case's records by component name.
 * The oracle here reads the same fields from Jackson's JSON tree of the case, as the case format
 * writes them, so a value read from the wrong component, or written otherwise than the format
 * writes it, fails here (a schema field with no component stops the class from loading).
 * Numbers are shown as a person writes them (400, not the tree's 4E+2).
 */
class UnderstoodTest {

    @Test
    void sameAsTheCaseWrittenAsJsonForTheExampleCases() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("cases"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() > 10, "the example cases are found");
        for (Path p : files) {
            NanoCase c = read(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
            assertEquals(fromJsonTree(c), Understood.of(c), p.toString());
        }
    }

    @Test
    void sameAsTheCaseWrittenAsJsonForGeneratedCases() {
        CaseGenerator g = new CaseGenerator(20_261_130L);
        int given = 0;
        for (int i = 0; i < 500; i++) {
            String json = g.next().toString();
            NanoCase c = read("generated " + i, json);
            List<Understood.Input> inputs = Understood.of(c);
            assertEquals(fromJsonTree(c), inputs, json);
            given += (int) inputs.stream().filter(Understood.Input::given).count();
        }
        assertTrue(given > 500 * 5, "the generated cases give values, so the comparison compares some");
    }

    @Test
    void receptorsAndListsAreReadAsTheFormatWritesThem() {
        NanoCase c = read("t", """
                {"schemaVersion": 1, "id": "t", "tumor": {"type": "BREAST", "receptors": {"HER2": "POSITIVE"}},
                 "therapy": {"plannedDrugs": ["doxorubicin", "paclitaxel"], "priorDrugs": []}}""");
        List<Understood.Input> inputs = Understood.of(c);
        assertEquals(new Understood.Input("tumor.receptors.HER2", "POSITIVE", "given"), find(inputs, "tumor.receptors.HER2"));
        assertEquals("unknown", find(inputs, "tumor.receptors.FOLATE_RECEPTOR").state());
        assertEquals("unknown", find(inputs, "therapy.priorDrugs").state());
        assertTrue(find(inputs, "therapy.plannedDrugs").value().contains(", "), "a list is joined");
        assertEquals("default", find(inputs, "constraints.evidence").state());
    }

    @Test
    void numbersAreShownAsAPersonWritesThem() {
        NanoCase c = read("t", """
                {"schemaVersion": 1, "id": "t", "patient": {"age": 61, "priorAnthracyclineMgPerM2": 400},
                 "tumor": {"type": "LIVER", "depthCm": 9.30}}""");
        List<Understood.Input> inputs = Understood.of(c);
        assertEquals("61", find(inputs, "patient.age").value());
        assertEquals("400", find(inputs, "patient.priorAnthracyclineMgPerM2").value());
        assertEquals("9.3", find(inputs, "tumor.depthCm").value());
        NanoCase none = read("u", """
                {"schemaVersion": 1, "id": "u", "patient": {"priorAnthracyclineMgPerM2": 0.0}, "tumor": {"type": "LIVER"}}""");
        assertEquals("0", find(Understood.of(none), "patient.priorAnthracyclineMgPerM2").value());
    }

    private static Understood.Input find(List<Understood.Input> inputs, String path) {
        return inputs.stream().filter(i -> i.path().equals(path)).findFirst().orElseThrow();
    }

    private static NanoCase read(String source, String json) {
        CaseInput in = Nanoguide.reader().readOne(source, json);
        if (in instanceof CaseInput.Valid v) return v.value();
        throw new AssertionError(source + " is not a valid case: " + in);
    }

    /** The inputs as read from Jackson's tree of the case, the way the report read them before. */
    private static List<Understood.Input> fromJsonTree(NanoCase c) {
        JsonNode tree = Nanoguide.reader().mapper().valueToTree(c);
        List<Understood.Input> out = new ArrayList<>();
        for (Understood.Input shown : Understood.of(c)) {
            String path = shown.path();
            JsonNode v = tree;
            for (String step : path.split("\\.")) v = v.path(step);
            if ("constraints.evidence".equals(path) && !c.constraints().evidenceStated()) {
                out.add(new Understood.Input(path, v.asText(), "default"));
            } else if (v.isMissingNode() || v.isNull() || "UNKNOWN".equals(v.asText()) || (v.isArray() && v.isEmpty())) {
                out.add(new Understood.Input(path, "unknown", "unknown"));
            } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(i -> items.add(i.asText()));
                out.add(new Understood.Input(path, String.join(", ", items), "given"));
            } else if (v.isNumber()) {
                out.add(new Understood.Input(path, v.decimalValue().stripTrailingZeros().toPlainString(), "given"));
            } else {
                out.add(new Understood.Input(path, v.asText(), "given"));
            }
        }
        return out;
    }
}
