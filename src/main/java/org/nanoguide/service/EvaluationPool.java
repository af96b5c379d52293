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
    private final int threads;
    /** Threads given up on at their time limit that have not come back yet; each has a replacement. */
    private final AtomicInteger stuck = new AtomicInteger();
    private final RecentOutcomes recent = new RecentOutcomes();

    EvaluationPool(int threads, Duration timeout) {
        this.timeout = timeout;
        this.threads = threads;
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
    /** How many evaluation threads overran their time limit and have not come back (each was replaced). */
    int stuck() { return stuck.get(); }

    /** Whether most recent evaluations failed (runaway or failing rules): the service is not answering correctly. */
    boolean mostlyFailing() { return recent.mostlyFailing(); }

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
        // NEW -> RUNNING -> DONE, or RUNNING -> ABANDONED at the time limit (the thread then owes its slot back)
        AtomicInteger state = new AtomicInteger(NEW);
        try {
            f = pool.submit(() -> {
                if (!state.compareAndSet(NEW, RUNNING)) throw new ApiException(503, "cancelled");
                try {
                    List<T> out = new ArrayList<>(cases.size());
                    for (CaseInput.Valid c : cases) {
                        Outcome<Void> o = Outcome.of(guide, c, null);
                        recent.add(!(o instanceof Outcome.Failed<Void>));
                        if (o instanceof Outcome.Failed<Void> failed) {
                            if (failed.cause() != null) LOG.error("{}: evaluation failed", failed.message(), failed.cause());
                            throw new ApiException(500, failed.message());
                        }
                        evaluated.increment();
                        out.add(then.apply(c, ((Outcome.Evaluated<Void>) o).result()));
                        if (Thread.currentThread().isInterrupted()) throw new ApiException(503, "cancelled");
                    }
                    return out;
                } finally {
                    if (!state.compareAndSet(RUNNING, DONE)) released();
                }
            });
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "the service is busy (" + threads
                    + " evaluation threads and their queue are full); retry later");
        }
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            if (state.compareAndSet(RUNNING, ABANDONED)) abandoned();
            throw new ApiException(503, "evaluation did not finish within " + timeout.toMillis()
                    + " ms (the time limit per request); send fewer cases per request or retry later");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) throw api;
            if (e.getCause() instanceof OutOfMemoryError) {
                LOG.error("an evaluation of {} cases ran out of memory", cases.size());
                throw Answers.outOfMemory();
            }
            LOG.error("evaluation failed", e.getCause());
            throw new ApiException(500, "evaluation failed: " + e.getCause());
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiException(503, "the service is stopping");
        }
    }

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int ABANDONED = 3;

    /**
     * An evaluation overran its time limit and was interrupted, but Java code (a rule's regular
     * expression, a huge join) may never look at the interrupt: its thread is given up on and a
     * new one takes its place, so stuck work never takes the pool. Up to as many replacements as
     * threads; past that, requests wait for the queue (503 when full) and health says why.
     */
    private synchronized void abandoned() {
        int n = stuck.incrementAndGet();
        LOG.warn("an evaluation thread overran its time limit of {} ms and was replaced ({} stuck now)", timeout.toMillis(), n);
        if (n <= threads) resize(threads + n);
    }

    /** An abandoned thread came back: its replacement is no longer needed. */
    private synchronized void released() {
        int n = stuck.decrementAndGet();
        LOG.info("a stuck evaluation thread came back ({} stuck now)", n);
        if (n < threads) resize(threads + n);
    }

    private void resize(int size) {
        if (size > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(size);
            pool.setCorePoolSize(size);
        } else {
            pool.setCorePoolSize(size);
            pool.setMaximumPoolSize(size);
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
