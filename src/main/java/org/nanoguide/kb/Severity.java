package org.nanoguide.kb;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How bad a {@link RuleProblem} is; written in lower case, in JSON and in messages. */
public enum Severity {
    /** The rules must not be used as they are (check fails, a reload is refused). */
    ERROR,
    /** Worth fixing; fails only {@code check --strict}. */
    WARNING;

    @JsonValue
    @Override
    public String toString() { return name().toLowerCase(Locale.ROOT); }
}
