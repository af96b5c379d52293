package org.nanoguide.fhir;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR R4 resources to a case, field by field as docs/fhir-mapping.md describes. It only
 * translates codes ({@link CodeTable}) into the case format's words; whether those facts matter,
 * and how, is for the rules. A code the table does not know leaves its field unknown and is
 * named; two resources that disagree about a field leave it unknown and are named too.
 */
public final class FhirCaseMapper {
    private static final String PLANNED_DRUGS = "therapy.plannedDrugs";
    private final CodeTable table;

    public FhirCaseMapper(CodeTable table) { this.table = table; }

    public MappedCase map(String caseId, PatientRecord record, LocalDate today) {
        Fields f = new Fields();
        if (record.patient() != null && record.patient().hasBirthDate()) {
            LocalDate born = record.patient().getBirthDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            // a negative age would reach the case as text and be refused as a type error far from its cause
            if (born.isAfter(today)) {
                throw new FhirJson.InvalidFhirException("Patient/" + id(record.patient()) + ": birthDate " + born
                        + " is after today (" + today + "): no age can be read from it");
            }
            f.set("patient.age", Integer.toString(Period.between(born, today).getYears()), "Patient/" + id(record.patient()) + ": birthDate");
        }
        for (Condition c : record.conditions()) {
            if (c.hasVerificationStatus() && c.getVerificationStatus().hasCoding()
                    && Set.of("refuted", "entered-in-error").contains(c.getVerificationStatus().getCodingFirstRep().getCode())) continue;
            codes(f, "Condition", c, c.getCode(), null);
        }
        for (Observation o : record.observations()) {
            if (o.getStatus() == Observation.ObservationStatus.ENTEREDINERROR || o.getStatus() == Observation.ObservationStatus.CANCELLED) continue;
            codes(f, "Observation", o, o.getCode(), o);
        }
        List<MedicationRequest> meds = new ArrayList<>(record.draftOrders());
        for (MedicationRequest m : record.medications()) {
            if (m.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE || m.getStatus() == MedicationRequest.MedicationRequestStatus.DRAFT) meds.add(m);
        }
        for (MedicationRequest m : meds) {
            if (m.hasMedicationCodeableConcept()) codes(f, "MedicationRequest", m, m.getMedicationCodeableConcept(), null);
            else f.unrecognised.add(ref(m) + ": no medicationCodeableConcept (a Medication reference is not read)");
        }
        return f.toCase(caseId);
    }

    /** The first coding the table knows sets its field; a concept with none known is named. */
    private void codes(Fields f, String type, Resource r, CodeableConcept concept, Observation obs) {
        for (Coding c : concept.getCoding()) {
            List<CodeTable.Row> rows = table.matching(type, c.getSystem(), c.getCode());
            if (rows.isEmpty()) continue;
            if (obs == null) {
                CodeTable.Row row = rows.get(0);
                f.set(row.field(), row.setTo(), ref(r) + ": " + c.getSystem() + "|" + c.getCode());
                return;
            }
            observation(f, obs, c, rows);
            return;
        }
        if (!concept.hasCoding()) f.unrecognised.add(ref(r) + ": no coded " + (type.equals("Observation") ? "code" : "concept")
                + (concept.hasText() ? " (text \"" + concept.getText() + "\" is not read)" : ""));
        for (Coding c : concept.getCoding()) f.unrecognised.add(ref(r) + ": " + coding(c));
    }

    private static void observation(Fields f, Observation o, Coding code, List<CodeTable.Row> rows) {
        String at = ref(o) + ": " + code.getSystem() + "|" + code.getCode();
        if (o.hasValueQuantity()) {
            for (CodeTable.Row row : rows) {
                if (row.needsQuantity() && row.below(o.getValueQuantity().getValue())) {
                    f.set(row.field(), row.setTo(), at + " = " + o.getValueQuantity().getValue().stripTrailingZeros().toPlainString());
                    return;
                }
            }
            return; // a value the table sets nothing for (a normal LVEF) leaves the field as it was: not known to be false
        }
        if (o.hasValueCodeableConcept()) {
            for (Coding v : o.getValueCodeableConcept().getCoding()) {
                for (CodeTable.Row row : rows) {
                    if (row.needsAnswer() && row.answers(v.getSystem(), v.getCode())) {
                        f.set(row.field(), row.setTo(), at + " = " + v.getSystem() + "|" + v.getCode());
                        return;
                    }
                }
            }
            for (Coding v : o.getValueCodeableConcept().getCoding()) f.unrecognised.add(at + " has the answer " + coding(v));
            return;
        }
        f.unrecognised.add(at + ": no value nanoguide reads (valueQuantity or valueCodeableConcept)");
    }

    private static String coding(Coding c) {
        return c.getSystem() + "|" + c.getCode() + (c.hasDisplay() ? " (" + c.getDisplay() + ")" : "");
    }

    private static String id(Resource r) { return r.getIdElement().getIdPart(); }

    static String ref(Resource r) { return r.fhirType() + "/" + id(r); }

    /** The values each field was given, in order; a field with two different values is a conflict. */
    private static final class Fields {
        final Map<String, Set<String>> values = new LinkedHashMap<>();
        final Map<String, List<String>> sources = new LinkedHashMap<>();
        final List<String> unrecognised = new ArrayList<>();

        void set(String field, String value, String source) {
            values.computeIfAbsent(field, k -> new TreeSet<>()).add(value);
            sources.computeIfAbsent(field, k -> new ArrayList<>()).add(source + " -> " + field + "=" + value);
        }

        MappedCase toCase(String caseId) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("id", caseId);
            List<String> conflicts = new ArrayList<>();
            List<String> used = new ArrayList<>();
            for (Map.Entry<String, Set<String>> e : values.entrySet()) {
                String field = e.getKey();
                used.addAll(sources.get(field));
                if (field.equals(PLANNED_DRUGS)) {
                    e.getValue().forEach(node(root, field)::add);
                } else if (e.getValue().size() > 1) {
                    conflicts.add(field + " left unknown: the resources disagree (" + String.join(", ", sources.get(field)) + ")");
                } else {
                    put(root, field, e.getValue().iterator().next());
                }
            }
            return new MappedCase(root, unrecognised, conflicts, used);
        }

        private static com.fasterxml.jackson.databind.node.ArrayNode node(ObjectNode root, String path) {
            String[] parts = path.split("\\.");
            ObjectNode o = root;
            for (int i = 0; i < parts.length - 1; i++) o = o.withObjectProperty(parts[i]);
            return o.withArrayProperty(parts[parts.length - 1]);
        }

        private static void put(ObjectNode root, String path, String value) {
            String[] parts = path.split("\\.");
            ObjectNode o = root;
            for (int i = 0; i < parts.length - 1; i++) o = o.withObjectProperty(parts[i]);
            String name = parts[parts.length - 1];
            if (value.equals("true") || value.equals("false")) o.put(name, Boolean.parseBoolean(value));
            else if (value.matches("\\d+")) o.put(name, Integer.parseInt(value));
            else o.put(name, value);
        }
    }
}
