package org.nanoguide.check;

import com.fasterxml.jackson.annotation.JsonValue;

/** The verdict of {@code nanoguide check}, written as {@code clean}, {@code warnings}, {@code failed} or {@code does-not-compile}. */
public enum CheckStatus {
    CLEAN("clean"),
    /** Lint warnings only. */
    WARNINGS("warnings"),
    /** Lint errors or failing cases. */
    FAILED("failed"),
    DOES_NOT_COMPILE("does-not-compile");

    private final String json;

    CheckStatus(String json) { this.json = json; }

    @JsonValue
    @Override
    public String toString() { return json; }
}
