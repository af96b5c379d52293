package org.nanoguide.facts;

/** Where a catalogued product stands, for the indication of its row. */
public enum ProductStatus {
    /** Approved (or CE-marked, for a device) for this indication in the region named. */
    APPROVED,
    /** In clinical trials for this indication. */
    CLINICAL_TRIAL,
    /** Its trial for this indication was stopped (for futility, say): it reached patients, and failed. */
    TRIAL_STOPPED,
    /** Once approved for this indication, then withdrawn. */
    WITHDRAWN,
    /** Approved, but no longer marketed. */
    DISCONTINUED
}
