package org.nanoguide.model;

/**
 * One case as read from an input: either parsed and valid, or rejected with a message that
 * names the input, the JSON path and the line. {@code index} is its position in the whole batch.
 */
public sealed interface CaseInput {
    /** Where the case came from: {@code cases/x.json}, {@code batch.json[3]}, {@code stdin:12}. */
    String source();

    long index();

    /** This input, read and validated (a {@link Deferred} input is read now; the others are already). */
    default CaseInput resolve() { return this; }

    record Valid(String source, long index, NanoCase value) implements CaseInput { }

    record Rejected(String source, long index, String message) implements CaseInput { }

    /**
     * A line not yet parsed, so that a batch can parse and validate on its worker threads;
     * only {@link CaseSources} made with deferred parsing gives these.
     */
    record Deferred(String source, long index, java.util.function.Supplier<CaseInput> reader) implements CaseInput {
        @Override
        public CaseInput resolve() { return reader.get(); }
    }
}
