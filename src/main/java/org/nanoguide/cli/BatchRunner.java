package org.nanoguide.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.nanoguide.explain.Result;
import org.nanoguide.Nanoguide;
import org.nanoguide.engine.EvaluationException;
import org.nanoguide.model.CaseInput;

/**
 * Evaluates a stream of cases on several threads and hands the outcomes on in input order.
 * At most a fixed window of cases is in flight, so memory stays flat on any input size.
 */
final class BatchRunner {
    private final Nanoguide guide;
    private final int threads;

    BatchRunner(Nanoguide guide, int threads) {
        this.guide = guide;
        this.threads = Math.max(1, threads);
    }

    /**
     * Every input becomes exactly one outcome, passed to {@code sink} in input order. Parsing
     * deferred inputs, evaluating and {@code render}ing happen on the worker threads; only
     * reading the input and writing the output stay on the calling thread.
     */
    <R> void run(Iterator<CaseInput> inputs, Function<Result, R> render, Consumer<Outcome<R>> sink) {
        if (threads == 1) {
            while (inputs.hasNext()) sink.accept(evaluate(inputs.next(), render));
            return;
        }
        int window = threads * 256;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nanoguide-eval");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Outcome<R>>> inFlight = new ArrayDeque<>(window);
        try {
            while (inputs.hasNext()) {
                CaseInput in = inputs.next();
                if (in instanceof CaseInput.Rejected r) {
                    inFlight.add(CompletableFuture.completedFuture(new Outcome.Rejected<>(r.source(), r.message())));
                } else {
                    inFlight.add(pool.submit(() -> evaluate(in, render)));
                }
                while (inFlight.size() >= window || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
                    sink.accept(take(inFlight.poll()));
                }
            }
            while (!inFlight.isEmpty()) sink.accept(take(inFlight.poll()));
        } finally {
            pool.shutdownNow();
        }
    }

    private <R> Outcome<R> evaluate(CaseInput raw, Function<Result, R> render) {
        CaseInput in = raw.resolve();
        if (in instanceof CaseInput.Rejected r) return new Outcome.Rejected<>(r.source(), r.message());
        CaseInput.Valid v = (CaseInput.Valid) in;
        try {
            Result result = guide.evaluate(v.value());
            return new Outcome.Evaluated<>(v.source(), result, render == null ? null : render.apply(result));
        } catch (EvaluationException e) {
            return new Outcome.Failed<>(v.source(), v.source() + ": case " + v.value().id() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome.Failed<>(v.source(), v.source() + ": case " + v.value().id() + ": evaluation failed: " + e);
        }
    }

    private static <R> Outcome<R> take(Future<Outcome<R>> f) {
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
