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
import java.util.function.Function;
import org.nanoguide.explain.Result;
import org.nanoguide.Nanoguide;
import org.nanoguide.engine.EvaluationException;
import org.nanoguide.model.CaseInput;
import org.nanoguide.whatif.WhatIf;
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

    /** As {@link #run(Iterator, BooleanSupplier, Runnable, Function, Consumer)}, rendering the what-if parts with the result. */
    <R> void runWhatIf(Iterator<CaseInput> inputs, BooleanSupplier ready, Runnable idle, Function<WhatIfResult, R> render,
                       Consumer<Outcome<R>> sink) {
        run(inputs, ready, idle, null, sink, render);
    }

    /**
     * Every input becomes exactly one outcome, passed to {@code sink} in input order. Parsing
     * deferred inputs, evaluating and {@code render}ing happen on the worker threads; only
     * reading the input and writing the output stay on the calling thread. Cases go to the
     * workers in chunks (one hand-over per chunk, not per case), cut short when the input is not
     * {@code ready}: then everything finished so far goes to the sink, and {@code idle} runs (to
     * flush the output), before waiting for more input.
     */
    <R> void run(Iterator<CaseInput> inputs, BooleanSupplier ready, Runnable idle, Function<Result, R> render,
                 Consumer<Outcome<R>> sink) {
        run(inputs, ready, idle, render, sink, null);
    }

    private <R> void run(Iterator<CaseInput> inputs, BooleanSupplier ready, Runnable idle, Function<Result, R> plain,
                         Consumer<Outcome<R>> sink, Function<WhatIfResult, R> withWhatIf) {
        Function<CaseInput, Outcome<R>> one = in -> evaluate(in, plain, withWhatIf);
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

    private <R> Outcome<R> evaluate(CaseInput raw, Function<Result, R> render, Function<WhatIfResult, R> withWhatIf) {
        CaseInput in = raw.resolve();
        if (in instanceof CaseInput.Valid given && !whatIf.isNone()) in = whatIf.prepare(given, guide);
        if (in instanceof CaseInput.Rejected r) return new Outcome.Rejected<>(r.source(), r.message());
        CaseInput.Valid v = (CaseInput.Valid) in;
        try {
            Result result = guide.evaluate(v.value());
            if (withWhatIf != null) {
                WhatIf w = whatIf.after(guide, v.value(), result);
                return new Outcome.Evaluated<>(v.source(), result, withWhatIf.apply(new WhatIfResult(result, w)));
            }
            return new Outcome.Evaluated<>(v.source(), result, render == null ? null : render.apply(result));
        } catch (EvaluationException e) {
            return new Outcome.Failed<>(v.source(), v.source() + ": case " + v.value().id() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome.Failed<>(v.source(), v.source() + ": case " + v.value().id() + ": evaluation failed: " + e);
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
