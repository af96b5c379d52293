package org.nanoguide.model;

import java.util.List;

/**
 * A case was rejected. The message lists every problem found (up to {@link CaseReader#MAX_PROBLEMS}),
 * one a line, each naming the source, the JSON path and, where known, the line and column;
 * {@link #problems()} gives the same list to a program.
 */
public final class InvalidCaseException extends Exception {
    private final transient List<CaseProblem> problems;

    public InvalidCaseException(String message) {
        this(message, List.of());
    }

    public InvalidCaseException(String message, List<CaseProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** The problems, in document order; empty when the input could not be read as a case at all (see the message). */
    public List<CaseProblem> problems() { return problems; }
}
