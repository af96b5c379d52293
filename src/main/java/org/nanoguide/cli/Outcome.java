package org.nanoguide.cli;

import org.nanoguide.explain.Result;

/** What became of one input case: its result, or why it has none. In input order. */
sealed interface Outcome {
    String source();

    /** {@code rendered}: the result already written in the output format (on a worker thread), or null. */
    record Evaluated(String source, Result result, String rendered) implements Outcome { }

    /** Bad input: the message names the file, the JSON path and the line. */
    record Rejected(String source, String message) implements Outcome { }

    /** Good input the rules could not evaluate (a runaway rule, a rule that failed). */
    record Failed(String source, String message) implements Outcome { }
}
