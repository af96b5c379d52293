package org.nanoguide.check;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How one case fared in {@code nanoguide check}; written in lower case. */
public enum CaseStatus {
    PASSED,
    /** Its expected block does not hold. */
    FAILED,
    /** The file is not a valid case. */
    REJECTED,
    /** The rules failed on it. */
    ERROR;

    @JsonValue
    @Override
    public String toString() { return name().toLowerCase(Locale.ROOT); }
}
