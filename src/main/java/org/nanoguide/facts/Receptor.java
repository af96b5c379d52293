package org.nanoguide.facts;

import org.nanoguide.model.ReceptorName;
import org.nanoguide.model.ReceptorStatus;
import org.nanoguide.model.RecordText;

/** One receptor of the tumor; every receptor is present, UNKNOWN when the case does not say. */
public record Receptor(ReceptorName name, ReceptorStatus status) {
    public boolean isPositive() { return status == ReceptorStatus.POSITIVE; }

    public boolean isUnknown() { return status == ReceptorStatus.UNKNOWN; }

    @Override
    public String toString() { return RecordText.of(this); }
}
