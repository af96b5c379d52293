package org.nanoguide.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.model.KnownDrug;
import org.nanoguide.model.TumorType;

/** The mapping on HAPI FHIR resources: known codes set fields, others are named and set nothing. */
class FhirCaseMapperTest {
    static final FhirCaseMapper MAPPER = new FhirCaseMapper(CodeTable.bundled());
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    static Condition condition(String id, String system, String code) {
        Condition c = new Condition();
        c.setId(id);
        c.setCode(new CodeableConcept().addCoding(new Coding(system, code, null)));
        return c;
    }

    static Observation lvef(String id, double value) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "10230-1", null)));
        o.setValue(new Quantity().setValue(BigDecimal.valueOf(value)));
        return o;
    }

    static MappedCase map(List<Condition> conditions, List<Observation> observations) {
        return MAPPER.map("t", new PatientRecord(null, conditions, observations, List.of(), List.of()), TODAY);
    }

    @Test
    void anIcd10CategoryMatchesItsSubcodesOnly() {
        MappedCase m = map(List.of(condition("a", "http://hl7.org/fhir/sid/icd-10-cm", "C34.12")), List.of());
        assertEquals("LUNG", m.caseJson().path("tumor").path("type").asText());
        MappedCase brain = map(List.of(condition("b", "http://hl7.org/fhir/sid/icd-10-cm", "C71.9")), List.of());
        assertFalse(brain.hasTumorType(), "C71 does not say glioblastoma: " + brain.caseJson());
        assertEquals(List.of("Condition/b: http://hl7.org/fhir/sid/icd-10-cm|C71.9"), brain.unrecognised());
    }

    static final String SNOMED = "http://snomed.info/sct";

    @Test
    void aSnomedCtConditionMapsToItsTumourType() {
        MappedCase m = map(List.of(condition("a", SNOMED, "363443007")), List.of());
        assertEquals("OVARIAN", m.caseJson().path("tumor").path("type").asText());
        assertEquals(List.of(), m.unrecognised());

        Condition both = condition("b", "http://hl7.org/fhir/sid/icd-10-cm", "C50.9");
        both.getCode().addCoding(new Coding(SNOMED, "254837009", "Malignant neoplasm of breast"));
        MappedCase breast = map(List.of(both), List.of());
        assertEquals("BREAST", breast.caseJson().path("tumor").path("type").asText());
        assertEquals(List.of(), breast.conflicts());
    }

    @Test
    void aSnomedCtConceptOfEachOtherListedTypeMapsToIt() {
        String[][] cases = {
            {"399068003", "PROSTATE"}, {"393563007", "GLIOBLASTOMA"}, {"187769009", "LIVER"}, {"109841003", "LIVER"},
            {"363354003", "CERVICAL"}, {"109385007", "KAPOSI_SARCOMA"}, {"118601006", "LYMPHOMA"}, {"109989006", "MULTIPLE_MYELOMA"}};
        for (String[] c : cases) {
            MappedCase m = map(List.of(condition("c", SNOMED, c[0])), List.of());
            assertEquals(c[1], m.caseJson().path("tumor").path("type").asText(), c[0] + ": " + m.caseJson());
            assertEquals(List.of(), m.unrecognised(), c[0]);
        }
        Condition both = condition("b", "http://hl7.org/fhir/sid/icd-10-cm", "C90.00");
        both.getCode().addCoding(new Coding(SNOMED, "109989006", "Multiple myeloma"));
        assertEquals(List.of(), map(List.of(both), List.of()).conflicts(), "ICD-10-CM and SNOMED CT agree on myeloma");
    }

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    static MedicationRequest draft(String id, String code, String display) {
        MedicationRequest m = new MedicationRequest();
        m.setId(id);
        m.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setMedication(new CodeableConcept().addCoding(new Coding(RXNORM, code, display)));
        return m;
    }

    @Test
    void rxnormIngredientsOfTheOrdersArePlannedDrugsAndAClinicalDrugCodeIsNamed() {
        List<MedicationRequest> drafts = List.of(draft("a", "358258", "bortezomib"), draft("b", "3041", "cytarabine"),
                draft("c", "12574", "gemcitabine"), draft("d", "40048", "carboplatin"),
                draft("e", "309311", "CISplatin 50 MG per 50 ML Injectable Solution"));
        MappedCase m = MAPPER.map("t", new PatientRecord(null, List.of(condition("x", SNOMED, "109989006")), List.of(), List.of(), drafts), TODAY);
        List<String> planned = new ArrayList<>();
        m.caseJson().path("therapy").path("plannedDrugs").forEach(n -> planned.add(n.asText()));
        assertEquals(List.of("BORTEZOMIB", "CARBOPLATIN", "CYTARABINE", "GEMCITABINE"), planned.stream().sorted().toList(), m.caseJson().toString());
        assertEquals(List.of("MedicationRequest/e: " + RXNORM + "|309311 (CISplatin 50 MG per 50 ML Injectable Solution)"), m.unrecognised(),
                "a clinical drug (SCD) code is not an ingredient and is named, not guessed");
    }

    @Test
    void everyValueTheTableSetsIsOneTheCaseFormatKnows() {
        for (CodeTable.Row r : CodeTable.bundled().rows()) {
            if (r.field().equals("tumor.type")) TumorType.valueOf(r.setTo());
            if (r.field().equals("therapy.plannedDrugs")) assertTrue(KnownDrug.find(r.setTo()).isPresent(), r.toString());
        }
    }

    @Test
    void aSnomedCtConceptIsReadOnlyIfListedItself() {
        MappedCase generic = map(List.of(condition("g", SNOMED, "363346000")), List.of());
        assertFalse(generic.hasTumorType(), "malignant neoplastic disease names no site: " + generic.caseJson());
        assertEquals(List.of("Condition/g: " + SNOMED + "|363346000"), generic.unrecognised());
    }

    @Test
    void aSnomedCtSecondaryCancerSetsSpreadNotType() {
        MappedCase m = map(List.of(condition("p", SNOMED, "254637007"), condition("s", SNOMED, "94225005")), List.of());
        assertEquals("LUNG", m.caseJson().path("tumor").path("type").asText());
        assertTrue(m.caseJson().path("tumor").path("metastatic").asBoolean());
        MappedCase onlyMets = map(List.of(condition("s", SNOMED, "94225005")), List.of());
        assertFalse(onlyMets.hasTumorType(), onlyMets.caseJson().toString());
    }

    @Test
    void hepaticFailureIsHepaticImpairmentButAnyLiverDisorderIsNot() {
        MappedCase failure = map(List.of(condition("h", SNOMED, "59927004")), List.of());
        assertTrue(failure.caseJson().path("patient").path("hepaticImpairment").asBoolean());
        MappedCase disorder = map(List.of(condition("d", SNOMED, "235856003")), List.of());
        assertTrue(disorder.caseJson().path("patient").path("hepaticImpairment").isMissingNode(), disorder.caseJson().toString());
        assertEquals(List.of("Condition/d: " + SNOMED + "|235856003"), disorder.unrecognised());
    }

    @Test
    void twoDifferentCancersLeaveTheTypeUnknownAndSaySo() {
        MappedCase m = map(List.of(condition("a", "http://hl7.org/fhir/sid/icd-10-cm", "C50.9"),
                condition("b", "http://hl7.org/fhir/sid/icd-10-cm", "C56.1")), List.of());
        assertFalse(m.hasTumorType());
        assertTrue(m.conflicts().get(0).startsWith("tumor.type left unknown"), m.conflicts().toString());
    }

    @Test
    void aNormalEjectionFractionDoesNotMakeTheCardiacRiskKnownToBeAbsent() {
        assertTrue(map(List.of(), List.of(lvef("o", 42))).caseJson().path("patient").path("cardiacRisk").asBoolean());
        assertTrue(map(List.of(), List.of(lvef("o", 62))).caseJson().path("patient").path("cardiacRisk").isMissingNode());
    }

    @Test
    void everyCodeOfTheTableIsInTheMappingGuide() throws Exception {
        String doc = Files.readString(TestKb.ROOT.resolve("docs/fhir-mapping.md"));
        for (CodeTable.Row r : CodeTable.bundled().rows()) {
            assertTrue(doc.contains("`" + r.code() + "`") && doc.contains("| " + r.source() + " |"), r + " is not in docs/fhir-mapping.md");
        }
    }
}
