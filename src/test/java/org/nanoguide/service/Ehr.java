package org.nanoguide.service;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR R4 resources and CDS Hooks calls built as an EHR builds them: HAPI FHIR's model, its JSON
 * encoder, searchset Bundles, the codes an EHR records (ICD-10-CM, LOINC, RxNorm).
 */
final class Ehr {
    static final FhirContext R4 = FhirContext.forR4Cached();
    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String PATIENT = "pat-1";

    private Ehr() { }

    static Patient patient(int birthYear) {
        Patient p = new Patient();
        p.setId(PATIENT);
        p.setGender(Enumerations.AdministrativeGender.FEMALE);
        p.setBirthDate(new Date(java.time.LocalDate.of(birthYear, 3, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli()));
        return p;
    }

    static Condition condition(String id, String system, String code, String display) {
        Condition c = new Condition();
        c.setId(id);
        c.setSubject(new Reference("Patient/" + PATIENT));
        c.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical").setCode("active");
        c.getVerificationStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-ver-status").setCode("confirmed");
        c.setCode(new CodeableConcept().addCoding(new Coding(system, code, display)));
        return c;
    }

    static Observation coded(String id, String loinc, String display, String answerSystem, String answer, String answerDisplay) {
        Observation o = observation(id, loinc, display);
        o.setValue(new CodeableConcept().addCoding(new Coding(answerSystem, answer, answerDisplay)));
        return o;
    }

    static Observation quantity(String id, String loinc, String display, double value, String unit) {
        Observation o = observation(id, loinc, display);
        o.setValue(new Quantity().setValue(BigDecimal.valueOf(value)).setUnit(unit).setSystem("http://unitsofmeasure.org").setCode(unit));
        return o;
    }

    private static Observation observation(String id, String loinc, String display) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setSubject(new Reference("Patient/" + PATIENT));
        o.setCode(new CodeableConcept().addCoding(new Coding(LOINC, loinc, display)));
        return o;
    }

    static MedicationRequest order(String id, String rxnorm, String display) {
        MedicationRequest m = new MedicationRequest();
        m.setId(id);
        m.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setSubject(new Reference("Patient/" + PATIENT));
        m.setMedication(new CodeableConcept().addCoding(new Coding(RXNORM, rxnorm, display)).setText(display));
        return m;
    }

    static Bundle bundle(Bundle.BundleType type, Resource... resources) {
        Bundle b = new Bundle();
        b.setType(type);
        for (Resource r : resources) b.addEntry().setFullUrl("https://ehr.example.org/fhir/" + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r);
        return b;
    }

    static Bundle searchset(Resource... resources) { return bundle(Bundle.BundleType.SEARCHSET, resources); }

    static String json(Resource r) { return R4.newJsonParser().encodeResourceToString(r); }

    /**
     * An order-select call. {@code conditions} null leaves that prefetch key out (the EHR could not
     * prefetch it); {@code fhirServer} null sends none.
     */
    static String call(String hookInstance, Patient patient, Bundle conditions, Bundle observations, Bundle drafts, String fhirServer) {
        StringBuilder b = new StringBuilder("{\"hookInstance\":\"").append(hookInstance).append("\",\"hook\":\"order-select\",");
        if (fhirServer != null) {
            b.append("\"fhirServer\":\"").append(fhirServer).append("\",\"fhirAuthorization\":{\"access_token\":\"ehr-access-token\",")
                    .append("\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"patient/*.read\",\"subject\":\"nanocarrier-advice\"},");
        }
        b.append("\"context\":{\"userId\":\"Practitioner/doc-1\",\"patientId\":\"").append(PATIENT).append("\",\"encounterId\":\"enc-1\",")
                .append("\"selections\":[\"MedicationRequest/").append(drafts.getEntryFirstRep().getResource().getIdElement().getIdPart()).append("\"],")
                .append("\"draftOrders\":").append(json(drafts)).append("},\"prefetch\":{");
        String sep = "";
        if (patient != null) { b.append("\"patient\":").append(json(patient)); sep = ","; }
        if (conditions != null) { b.append(sep).append("\"conditions\":").append(json(conditions)); sep = ","; }
        if (observations != null) { b.append(sep).append("\"observations\":").append(json(observations)); }
        return b.append("}}").toString();
    }
}
