package org.nanoguide.facts;

/** Warning codes: those of result-format.md, then the ones nanoguide adds. */
public enum WarningCode {
    EPR_COMPROMISED,
    HEMATOLOGIC_MALIGNANCY,
    EQUIPMENT_MISSING,
    LONG_TERM_SAFETY,
    MISSING_DATA,
    UNKNOWN_VALUE,
    CUMULATIVE_ANTHRACYCLINE,
    /** Added: an option was left out because its evidence is less mature than the team accepts. */
    EVIDENCE_LIMIT,
    /** Added: a patient condition (pregnancy, organ impairment) that the review gives no guidance for. */
    PATIENT_CONTEXT,
    /** Added: cardiac risk, or a cardiotoxic combination, with an anthracycline planned. */
    CARDIAC_RISK
}
