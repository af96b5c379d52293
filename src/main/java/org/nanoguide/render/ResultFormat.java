package org.nanoguide.render;

import org.nanoguide.explain.Result;

/**
 * One output format for a stream of results. {@link #render} runs on the worker threads and must
 * keep no state; {@link #write} and {@link #finish} run on the one thread that writes, in input
 * order. A new format is one class implementing this.
 *
 * @param <R> what a worker hands the writer for one result ({@code Void} when the format builds
 *            everything at the end)
 */
public interface ResultFormat<R> {
    /** One result in this format, or null when {@link #finish} builds the whole output. */
    R render(Result result);

    /** The same with the case it came from (a report shows the inputs it used); the result alone unless a format needs the case. */
    default R render(org.nanoguide.model.NanoCase c, Result result) { return render(result); }

    /** Writes one result, in input order. */
    void write(Result result, R rendered);

    /** Writes what ends the output (a closing bracket, the page), after the last result. */
    void finish();
}
