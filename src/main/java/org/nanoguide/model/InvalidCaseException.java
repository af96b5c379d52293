package org.nanoguide.model;

/** A case was rejected; the message names the source, the JSON path and, where known, the line. */
public final class InvalidCaseException extends Exception {
    public InvalidCaseException(String message) {
        super(message);
    }
}
