package org.nanoguide.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * What a signal (SIGTERM, Ctrl-C) does to a batch: the JVM runs this hook, then halts. Results
 * are written whole under this object's lock, so the hook, holding it, flushes only whole
 * results (a line of NDJSON with its line break), says on stderr how far the batch got, and
 * holds back the writer: the output ends with the last result it names, never with half of
 * the next, and no result the batch finished is left behind in the output buffer.
 */
final class Interruption extends Thread {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Supplier<?> sofar;
    private boolean stopping; // guarded by this

    /** @param sofar how far the batch got, in words, when the signal came */
    Interruption(PrintWriter out, PrintWriter err, Supplier<?> sofar) {
        super("nanoguide-interrupted");
        this.out = out;
        this.err = err;
        this.sofar = sofar;
    }

    /** Makes this the JVM's hook for a signal while the batch runs. */
    void install() { Runtime.getRuntime().addShutdownHook(this); }

    /** Once the batch is over. */
    void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(this);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it has said what there is to say
        }
    }

    @Override
    public void run() {
        synchronized (this) {
            stopping = true;
            out.flush();
            err.println("nanoguide: stopped by a signal before the end: " + sofar.get() + " so far; the output ends after the last result written, whole");
            err.flush();
        }
    }

    /** Flushes the output between whole results, never while the hook does. */
    synchronized void flush() { out.flush(); }

    /** Called under this lock before each write: once stopping, the writer waits for the JVM to halt, interrupted or not. */
    void holdIfStopping() {
        while (stopping) {
            try {
                wait();
            } catch (InterruptedException halting) {
                // nothing may be written after the hook's flush: keep waiting
            }
        }
    }
}
