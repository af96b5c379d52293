package org.nanoguide.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.nanoguide.Nanoguide;
import org.nanoguide.Outcome;
import org.nanoguide.explain.Result;
import org.nanoguide.model.CaseInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the service evaluates: a bounded pool (a full queue is a 503, not a pile-up), a time
 * limit per request (a 503 that cancels the work), and each case through {@link Outcome#of}, as
 * the command line evaluates it, so a failing case says the same thing on both.
 */
final class EvaluationPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationPool.class);
    private final ThreadPoolExecutor pool;
    private final Duration timeout;
    private final java.util.concurrent.atomic.LongAdder evaluated = new java.util.concurrent.atomic.LongAdder();

    EvaluationPool(int threads, Duration timeout) {
        this.timeout = timeout;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * ServiceOptions.QUEUE_PER_THREAD), r -> {
                    Thread t = new Thread(r, "nanoguide-eval-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** How many evaluations are running now. */
    int active() { return pool.getActiveCount(); }

    /** Cases evaluated since start (for the metrics). */
    long evaluated() { return evaluated.sum(); }

    /**
     * Evaluates valid cases in order, all with {@code guide}.
     *
     * @throws ApiException 500 naming the first case that failed; 503 when busy, over the time
     *                      limit or stopping
     */
    List<Result> evaluate(Nanoguide guide, List<CaseInput.Valid> cases) {
        return evaluate(guide, cases, (c, r) -> r);
    }

    /**
     * As {@link #evaluate(Nanoguide, List)}, each result passed through {@code then} on the same
     * evaluation thread (the what-if parts are more evaluations, under the same bound and time limit).
     */
    <T> List<T> evaluate(Nanoguide guide, List<CaseInput.Valid> cases, java.util.function.BiFunction<CaseInput.Valid, Result, T> then) {
        Future<List<T>> f;
        try {
            f = pool.submit(() -> {
                List<T> out = new ArrayList<>(cases.size());
                for (CaseInput.Valid c : cases) {
                    Outcome<Void> o = Outcome.of(guide, c, null);
                    if (o instanceof Outcome.Failed<Void> failed) {
                        if (failed.cause() != null) LOG.error("{}: evaluation failed", failed.message(), failed.cause());
                        throw new ApiException(500, failed.message());
                    }
                    evaluated.increment();
                    out.add(then.apply(c, ((Outcome.Evaluated<Void>) o).result()));
                    if (Thread.currentThread().isInterrupted()) throw new ApiException(503, "cancelled");
                }
                return out;
            });
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "the service is busy (" + pool.getCorePoolSize()
                    + " evaluation threads and their queue are full); retry later");
        }
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ApiException(503, "evaluation did not finish within " + timeout.toMillis()
                    + " ms (the time limit per request); send fewer cases per request or retry later");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) throw api;
            if (e.getCause() instanceof OutOfMemoryError) throw Answers.outOfMemory();
            LOG.error("evaluation failed", e.getCause());
            throw new ApiException(500, "evaluation failed: " + e.getCause());
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiException(503, "the service is stopping");
        }
    }

    /** Lets running evaluations finish, up to the time limit, then stops the pool. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
