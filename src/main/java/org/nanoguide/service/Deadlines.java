package org.nanoguide.service;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The time limits of the requests waiting for their evaluation, checked by one thread a few times
 * a second. A request waits without a timer of its own: a timed wait on a virtual thread arms and
 * cancels a timer in the JDK's scheduler for every request, and that cost more than this check.
 * A wait ends late by at most a twentieth of the limit (and never more than 0.1 s), which a limit
 * of seconds does not notice.
 */
final class Deadlines {
    /** A watched wait: {@code result} is completed with a {@link TimeoutException} at {@code deadline} ({@link System#nanoTime()}). */
    record Watch(CompletableFuture<?> result, long deadline) { }

    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
    private final Thread thread;

    Deadlines(Duration limit) {
        long tick = Math.max(5, Math.min(100, limit.toMillis() / 20));
        thread = new Thread(() -> check(tick), "nanoguide-deadlines");
        thread.setDaemon(true);
        thread.start();
    }

    /** Watches {@code result} until {@link #unwatch}: at {@code deadline} it is completed with a {@link TimeoutException}. */
    Watch watch(CompletableFuture<?> result, long deadline) {
        Watch w = new Watch(result, deadline);
        watched.add(w);
        return w;
    }

    void unwatch(Watch w) { watched.remove(w); }

    private void check(long tick) {
        while (true) {
            try {
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                return; // stopped
            }
            long now = System.nanoTime();
            for (Watch w : watched) {
                if (now - w.deadline() >= 0) w.result().completeExceptionally(new TimeoutException());
            }
        }
    }

    /** Stops checking; every wait still watched ends with {@code why}. */
    void stop(Supplier<? extends Throwable> why) {
        thread.interrupt();
        for (Watch w : watched) w.result().completeExceptionally(why.get());
    }
}
