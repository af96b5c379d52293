package org.nanoguide.model;

/** The patient, as given. A null value means "not known", which is not the same as "no". */
public record Patient(
        Integer age,
        Boolean cardiacRisk,
        Double priorAnthracyclineMgPerM2,
        Boolean heavyMetalConcern,
        Boolean renalImpairment,
        Boolean hepaticImpairment,
        Boolean pregnant) {

    public static final Patient UNKNOWN = new Patient(null, null, null, null, null, null, null);

    @Override
    public String toString() { return RecordText.of(this); }
}
