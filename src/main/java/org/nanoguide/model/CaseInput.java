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

    /**
     * A case that cannot be evaluated. {@code message} is for people: every problem, one a line
     * (at most {@link CaseReader#MAX_PROBLEMS}, then how many more). {@code problems} is the same
     * list for programs, in document order; it is empty only when the input could not be opened
     * at all (a missing file), which the message says.
     */
    record Rejected(String source, long index, String message, java.util.List<CaseProblem> problems) implements CaseInput {
        public Rejected {
            problems = java.util.List.copyOf(problems);
        }

        public Rejected(String source, long index, String message) {
            this(source, index, message, java.util.List.of());
        }

        /** Rejected for one problem; the message is that problem. */
        public Rejected(long index, CaseProblem problem) {
            this(problem.source(), index, problem.toString(), java.util.List.of(problem));
        }
    }

    /**
     * A line not yet parsed, so that a batch can parse and validate on its worker threads;
     * only {@link CaseSources} made with deferred parsing gives these.
     */
    record Deferred(String source, long index, java.util.function.Supplier<CaseInput> reader) implements CaseInput {
        @Override
        public CaseInput resolve() { return reader.get(); }
    }
}
