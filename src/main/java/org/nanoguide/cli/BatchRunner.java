package org.nanoguide.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.nanoguide.explain.Result;
import org.nanoguide.Nanoguide;
import org.nanoguide.Outcome;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.NanoCase;
import org.nanoguide.whatif.WhatIfRequest;
import org.nanoguide.whatif.WhatIfResult;

/**
 * Evaluates a stream of cases on several threads and hands the outcomes on in input order.
 * At most a fixed window of cases (256 a thread) is in flight, so memory stays flat on any input size.
 */
final class BatchRunner {
    /** Cases per hand-over to a worker. */
    static final int CHUNK = 32;
    /** Chunks in flight per worker: with {@link #CHUNK}, 256 cases a thread, so memory stays flat. */
    static final int CHUNKS_PER_THREAD = 8;
    private final Nanoguide guide;
    private final int threads;
    private final WhatIfRequest whatIf;

    BatchRunner(Nanoguide guide, int threads) {
        this(guide, threads, WhatIfRequest.NONE);
    }

    /** @param whatIf values to set on every case, and whether to explore what would change its advice */
    BatchRunner(Nanoguide guide, int threads, WhatIfRequest whatIf) {
        this.guide = guide;
        this.threads = Math.max(1, threads);
        this.whatIf = whatIf;
    }

    /** As {@link #run}, each result rendered with its what-if parts (values set, decisive unknowns, near misses). */
    <R> void runWhatIf(Iterator<CaseInput> inputs, BooleanSupplier ready, Runnable idle, Function<WhatIfResult, R> render,
                       Consumer<Outcome<R>> sink) {
        runEach(inputs, ready, idle, in -> whatIf.outcome(guide, in, render), sink);
    }

    /**
     * Every input becomes exactly one outcome, passed to {@code sink} in input order. Parsing
     * deferred inputs, evaluating and {@code render}ing happen on the worker threads; only
     * reading the input and writing the output stay on the calling thread. Cases go to the
     * workers in chunks (one hand-over per chunk, not per case), cut short when the input is not
     * {@code ready}: then everything finished so far goes to the sink, and {@code idle} runs (to
     * flush the output), before waiting for more input.
     */
    <R> void run(Iterator<CaseInput> inputs, BooleanSupplier ready, Runnable idle, BiFunction<NanoCase, Result, R> render,
                 Consumer<Outcome<R>> sink) {
        runEach(inputs, ready, idle, in -> Outcome.ofCase(guide, in, render), sink);
    }

    private <R> void runEach(Iterator<CaseInput> inputs, BooleanSupplier ready, Runnable idle, Function<CaseInput, Outcome<R>> one,
                             Consumer<Outcome<R>> sink) {
        if (threads == 1) {
            while (true) {
                if (!ready.getAsBoolean()) idle.run();
                if (!inputs.hasNext()) break;
                sink.accept(one.apply(inputs.next()));
            }
            return;
        }
        int window = threads * CHUNKS_PER_THREAD;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nanoguide-eval");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<List<Outcome<R>>>> inFlight = new ArrayDeque<>(window);
        try {
            while (true) {
                if (!ready.getAsBoolean()) {
                    while (!inFlight.isEmpty()) take(inFlight.poll()).forEach(sink);
                    idle.run();
                }
                if (!inputs.hasNext()) break;
                List<CaseInput> chunk = new ArrayList<>(CHUNK);
                do {
                    chunk.add(inputs.next());
                } while (chunk.size() < CHUNK && ready.getAsBoolean() && inputs.hasNext());
                inFlight.add(pool.submit(() -> {
                    List<Outcome<R>> out = new ArrayList<>(chunk.size());
                    for (CaseInput in : chunk) out.add(one.apply(in));
                    return out;
                }));
                while (inFlight.size() >= window || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
                    take(inFlight.poll()).forEach(sink);
                }
            }
            while (!inFlight.isEmpty()) take(inFlight.poll()).forEach(sink);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T take(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
