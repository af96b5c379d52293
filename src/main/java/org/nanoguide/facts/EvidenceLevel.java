package org.nanoguide.facts;

import org.nanoguide.model.EvidenceAccepted;

/** Evidence of result-format.md, most mature first. */
public enum EvidenceLevel {
    APPROVED, CLINICAL_TRIAL, INVESTIGATIONAL;

    /** True when this level is less mature than the least mature level a team accepts. */
    public boolean isBeyond(EvidenceAccepted accepted) {
        EvidenceAccepted a = accepted == null ? EvidenceAccepted.INVESTIGATIONAL : accepted;
        return ordinal() > a.ordinal();
    }

    public static EvidenceLevel leastMature(EvidenceLevel a, EvidenceLevel b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
