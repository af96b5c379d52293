package org.nanoguide.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
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
 * limit per request (a 503 that cancels the work), turns taken in order between requests (a small
 * request is not stuck behind a large batch), and each case through {@link Outcome#of}, as the
 * command line evaluates it, so a failing case says the same thing on both. A request waits for
 * its evaluation without a timer of its own: {@link Deadlines} ends the waits past their limit.
 */
final class EvaluationPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationPool.class);
    private final ThreadPoolExecutor pool;
    private final Duration timeout;
    private final java.util.concurrent.atomic.LongAdder evaluated = new java.util.concurrent.atomic.LongAdder();
    private final int threads;
    private final StuckThreads stuck;
    private final RecentOutcomes recent = new RecentOutcomes();
    /** Requests running or waiting for an evaluation thread; beyond it a request is a 503, not a pile-up. */
    private final Semaphore admitted;
    private final Deadlines deadlines;

    EvaluationPool(int threads, Duration timeout) {
        this.timeout = timeout;
        this.threads = threads;
        this.admitted = new Semaphore(threads * (1 + ServiceOptions.QUEUE_PER_THREAD));
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "nanoguide-eval-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.stuck = new StuckThreads(pool, threads, timeout);
        this.deadlines = new Deadlines(timeout);
    }

    /** How many evaluations are running now. */
    int active() { return pool.getActiveCount(); }

    /** Cases evaluated since start (for the metrics). */
    long evaluated() { return evaluated.sum(); }
    /** How many evaluation threads overran their time limit and have not come back (each was replaced). */
    int stuck() { return stuck.count(); }

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
        if (!admitted.tryAcquire()) {
            throw new ApiException(503, "the service is busy (" + threads
                    + " evaluation threads and their queue are full); retry later");
        }
        Job<T> job = new Job<>(guide, cases, then);
        Deadlines.Watch watch = deadlines.watch(job.result, System.nanoTime() + timeout.toNanos());
        try {
            try {
                pool.execute(job);
            } catch (RejectedExecutionException e) {
                throw new ApiException(503, "the service is stopping");
            }
            return job.result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                job.giveUp();
                throw new ApiException(503, "evaluation did not finish within " + timeout.toMillis()
                        + " ms (the time limit per request); send fewer cases per request or retry later");
            }
            if (e.getCause() instanceof ApiException api) throw api;
            if (e.getCause() instanceof OutOfMemoryError) {
                LOG.error("an evaluation of {} cases ran out of memory", cases.size());
                throw Answers.outOfMemory();
            }
            LOG.error("evaluation failed", e.getCause());
            throw new ApiException(500, "evaluation failed: " + e.getCause());
        } catch (InterruptedException e) {
            job.giveUp();
            Thread.currentThread().interrupt();
            throw new ApiException(503, "the service is stopping");
        } finally {
            deadlines.unwatch(watch);
            admitted.release();
        }
    }

    /** Cases one turn on an evaluation thread evaluates before the request goes back to the end of the queue. */
    static final int CHUNK = 16;

    /**
     * One request's evaluation, taken in turns of {@link #CHUNK} cases: each turn ends by putting
     * the request back at the end of the pool's queue, so a request of one case waits for at most
     * one turn of each request ahead of it, not for whole batches of a thousand cases.
     * A request has at most one turn queued or running, so the queue holds at most as many turns
     * as requests admitted. Turns of one request run one after another, in order.
     */
    private final class Job<T> implements Runnable {
        private final Nanoguide guide;
        private final List<CaseInput.Valid> cases;
        private final java.util.function.BiFunction<CaseInput.Valid, Result, T> then;
        private final List<T> out;
        final java.util.concurrent.CompletableFuture<List<T>> result = new java.util.concurrent.CompletableFuture<>();
        /** Guarded by this: whether a turn waits, runs, or the request was given up on (then the running thread owes its slot back). */
        private State state = State.WAITING;
        /** Guarded by this: the thread of the running turn, so that giving up interrupts this turn and never a later task of that thread. */
        private Thread runner;
        private int next;

        Job(Nanoguide guide, List<CaseInput.Valid> cases, java.util.function.BiFunction<CaseInput.Valid, Result, T> then) {
            this.guide = guide;
            this.cases = cases;
            this.then = then;
            this.out = new ArrayList<>(cases.size());
        }

        @Override
        public void run() {
            synchronized (this) {
                if (state != State.WAITING) return; // given up on while it waited
                state = State.RUNNING;
                runner = Thread.currentThread();
            }
            boolean finished = false;
            Throwable failure = null;
            try {
                for (int end = Math.min(next + CHUNK, cases.size()); next < end; next++) {
                    CaseInput.Valid c = cases.get(next);
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
                finished = next == cases.size();
            } catch (Throwable t) {
                // nothing here allocates: after an OutOfMemoryError the results made so far are let go first
                finished = true;
                failure = t;
                out.clear();
            }
            boolean givenUp;
            synchronized (this) {
                runner = null;
                givenUp = state == State.GIVEN_UP;
                if (givenUp) Thread.interrupted(); // the interrupt was for this turn, not the thread's next task
                else state = finished ? State.DONE : State.WAITING;
            }
            if (givenUp) {
                stuck.released();
            } else if (failure != null) {
                result.completeExceptionally(failure);
            } else if (finished) {
                result.complete(out);
            } else {
                try {
                    pool.execute(this);
                } catch (RejectedExecutionException e) {
                    result.completeExceptionally(new ApiException(503, "the service is stopping"));
                }
            }
        }

        /** At the time limit: a waiting turn never runs; a running one is interrupted and its thread replaced until it comes back. */
        synchronized void giveUp() {
            if (state == State.WAITING) {
                state = State.DONE;
            } else if (state == State.RUNNING) {
                state = State.GIVEN_UP;
                runner.interrupt();
                stuck.abandoned();
            }
        }
    }

    private enum State { WAITING, RUNNING, DONE, GIVEN_UP }

    /**
     * Lets running evaluations finish, up to the time limit, then stops the pool; a request whose
     * turn never came is answered 503.
     */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            deadlines.stop(() -> new ApiException(503, "the service is stopping"));
        }
    }
}
