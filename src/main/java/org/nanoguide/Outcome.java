package org.nanoguide.cli;

import org.nanoguide.explain.Result;

/** What became of one input case: its result, or why it has none. In input order. */
sealed interface Outcome<R> {
    String source();

    /**
     * {@code rendered}: the result already written in the output format (on a worker thread): text,
     * or UTF-8 bytes for NDJSON; null when the output is built at the end.
     */
    record Evaluated<R>(String source, Result result, R rendered) implements Outcome<R> { }

    /** Bad input: the message names the file, the JSON path and the line. */
    record Rejected<R>(String source, String message) implements Outcome<R> { }

    /** Good input the rules could not evaluate (a runaway rule, a rule that failed). */
    record Failed<R>(String source, String message) implements Outcome<R> { }
}
