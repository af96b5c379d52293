package org.nanoguide.service;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An evaluation that overran its time limit is interrupted, but Java code (a rule's regular
 * expression, a huge join) may never look at the interrupt: its thread is given up on and a new
 * one takes its place, so stuck work never takes the pool. Up to as many replacements as threads;
 * past that, requests wait for the queue (503 when full) and health says why.
 */
final class StuckThreads {
    /** The pool's logger: an operator finds these lines with the pool's other messages. */
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationPool.class);
    private final ThreadPoolExecutor pool;
    private final int threads;
    private final Duration limit;
    /** Guarded by this: threads given up on that have not come back yet; each has a replacement. */
    private int stuck;

    StuckThreads(ThreadPoolExecutor pool, int threads, Duration limit) {
        this.pool = pool;
        this.threads = threads;
        this.limit = limit;
    }

    synchronized int count() { return stuck; }

    /** A thread was given up on at the time limit: a new one takes its place. */
    synchronized void abandoned() {
        int n = ++stuck;
        LOG.warn("an evaluation thread overran its time limit of {} ms and was replaced ({} stuck now)", limit.toMillis(), n);
        if (n <= threads) resize(threads + n);
    }

    /** An abandoned thread came back: its replacement is no longer needed. */
    synchronized void released() {
        int n = --stuck;
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
}
