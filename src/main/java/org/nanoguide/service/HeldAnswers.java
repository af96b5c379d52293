package org.nanoguide.service;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The answer bytes all requests hold at once, from the evaluation that makes them until their
 * client has read them: clients that never read their answers would otherwise fill the heap
 * between them, each well within its own answer limit.
 */
final class HeldAnswers {
    /** How long a refused client is told to wait: long enough for a slow reader to be served or cut. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final long limit;
    private final AtomicLong held = new AtomicLong();

    HeldAnswers(long limit) { this.limit = limit; }

    long limit() { return limit; }

    /** Answer bytes held now (for the metrics). */
    long held() { return held.get(); }

    /** Takes {@code bytes} from the budget, or nothing when they do not fit. */
    boolean take(long bytes) {
        while (true) {
            long now = held.get();
            if (now + bytes > limit) return false;
            if (held.compareAndSet(now, now + bytes)) return true;
        }
    }

    void give(long bytes) { held.addAndGet(-bytes); }

    ApiException full() {
        return new ApiException(503, "the service holds " + held.get() + " bytes of answers that their clients have not read yet, "
                + "and this answer would take it over its limit of " + limit + " bytes; retry later")
                .retryingAfter(RETRY_AFTER_SECONDS);
    }
}
