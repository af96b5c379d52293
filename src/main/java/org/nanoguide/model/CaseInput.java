package org.nanoguide.model;

/**
 * One case as read from an input: either parsed and valid, or rejected with a message that
 * names the input, the JSON path and the line. {@code index} is its position in the whole batch.
 */
public sealed interface CaseInput {
    /** Where the case came from: {@code cases/x.json}, {@code batch.json[3]}, {@code stdin:12}. */
    String source();

    long index();

    record Valid(String source, long index, NanoCase value) implements CaseInput { }

    record Rejected(String source, long index, String message) implements CaseInput { }
}
