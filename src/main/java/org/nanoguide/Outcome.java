package org.nanoguide;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.nanoguide.engine.EvaluationException;
import org.nanoguide.explain.Result;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.NanoCase;

/**
 * What became of one input case: its result, or why it has none. The command line's batches and
 * the service's requests both turn a case into an outcome here, so a case that fails says the
 * same thing on both.
 */
public sealed interface Outcome<R> {
    String source();

    /**
     * {@code rendered}: the result already written in the output format (on a worker thread), or
     * null when the output is built at the end.
     */
    record Evaluated<R>(String source, Result result, R rendered) implements Outcome<R> { }

    /**
     * Bad input: the message names the file, the JSON path and the line; {@code problems}, one
     * line each, when the input had several (the message then holds them all).
     */
    record Rejected<R>(String source, String message, List<String> problems) implements Outcome<R> { }

    /**
     * Good input the rules could not evaluate (a runaway rule, a rule that failed). {@code cause}
     * is the exception when it was not the engine's own report, for the log.
     */
    record Failed<R>(String source, String message, RuntimeException cause) implements Outcome<R> { }

    /**
     * Reads a deferred input if need be, evaluates it and renders the result with {@code render}
     * (null: no rendering). Never throws for a bad case or a misbehaving rule.
     */
    static <R> Outcome<R> of(Nanoguide guide, CaseInput raw, Function<Result, R> render) {
        return ofCase(guide, raw, render == null ? null : (c, r) -> render.apply(r));
    }

    /** As {@link #of(Nanoguide, CaseInput, Function)}, rendering with the case as well as its result. */
    static <R> Outcome<R> ofCase(Nanoguide guide, CaseInput raw, BiFunction<NanoCase, Result, R> render) {
        CaseInput in = raw.resolve();
        if (in instanceof CaseInput.Rejected r) {
            return new Rejected<>(r.source(), r.message(), r.problems().stream().map(Object::toString).toList());
        }
        CaseInput.Valid v = (CaseInput.Valid) in;
        String where = v.source() + ": case " + v.value().id() + ": ";
        try {
            Result result = guide.evaluate(v.value());
            return new Evaluated<>(v.source(), result, render == null ? null : render.apply(v.value(), result));
        } catch (EvaluationException e) {
            return new Failed<>(v.source(), where + e.getMessage(), null);
        } catch (RuntimeException e) {
            return new Failed<>(v.source(), where + "evaluation failed: " + e, e);
        }
    }
}
