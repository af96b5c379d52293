package org.nanoguide.cli;

import java.io.PrintWriter;

/**
 * Progress on standard error for long batches, only when standard error is a terminal (the
 * launcher tells, via {@code -Dnanoguide.stderr.tty=true}); never on standard output.
 */
final class Progress {
    private static final long FIRST_AFTER = 2_000;
    private final PrintWriter err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastPrint;
    private boolean printed;

    private Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    static Progress forStderr(PrintWriter err) {
        return new Progress(err, Boolean.getBoolean("nanoguide.stderr.tty"));
    }

    void tick(long done) {
        if (!enabled || done < FIRST_AFTER) return;
        long now = System.nanoTime();
        if (now - lastPrint < 500_000_000L) return;
        lastPrint = now;
        double seconds = (now - start) / 1e9;
        err.printf("\r%,d cases, %,.0f cases/s", done, done / Math.max(seconds, 1e-9));
        err.flush();
        printed = true;
    }

    void done() {
        if (printed) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
