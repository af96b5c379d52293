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
import org.nanoguide.Outcome;
import org.nanoguide.model.CaseInput;

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

    BatchRunner(Nanoguide guide, int threads) {
        this.guide = guide;
        this.threads = Math.max(1, threads);
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
        if (threads == 1) {
            while (true) {
                if (!ready.getAsBoolean()) idle.run();
                if (!inputs.hasNext()) break;
                sink.accept(Outcome.of(guide, inputs.next(), render));
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
                    for (CaseInput in : chunk) out.add(Outcome.of(guide, in, render));
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
