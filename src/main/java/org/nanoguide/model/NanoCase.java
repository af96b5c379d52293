package org.nanoguide.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One case of the case format (case-format.md): a patient, a tumor and the therapy context.
 * Sections the case leaves out are "not known" (all values null), never "no".
 * {@code expected} is the advice a regression case must produce; evaluation ignores it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NanoCase(
        Integer schemaVersion,
        String id,
        String description,
        Patient patient,
        Tumor tumor,
        Therapy therapy,
        Goals goals,
        Resources resources,
        Constraints constraints,
        Expected expected) {

    public NanoCase {
        if (patient == null) patient = Patient.UNKNOWN;
        if (therapy == null) therapy = Therapy.UNKNOWN;
        if (goals == null) goals = Goals.UNKNOWN;
        if (resources == null) resources = Resources.UNKNOWN;
        if (constraints == null) constraints = Constraints.DEFAULT;
    }

    public NanoCase withId(String newId) {
        return new NanoCase(schemaVersion, newId, description, patient, tumor, therapy, goals, resources, constraints, expected);
    }
}
