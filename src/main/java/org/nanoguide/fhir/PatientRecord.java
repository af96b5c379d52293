package org.nanoguide.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;

/**
 * The FHIR resources one hook call brings: the patient (null when not sent), their conditions,
 * observations and medication requests, and the draft orders being signed.
 */
public record PatientRecord(Patient patient, List<Condition> conditions, List<Observation> observations,
                            List<MedicationRequest> medications, List<MedicationRequest> draftOrders) {
    public PatientRecord {
        conditions = List.copyOf(conditions);
        observations = List.copyOf(observations);
        medications = List.copyOf(medications);
        draftOrders = List.copyOf(draftOrders);
    }
}
