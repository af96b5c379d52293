package org.nanoguide.service;

import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * Jetty's threads, with Javalin's sizes. A request's thread blocks while its body arrives and
 * while the evaluation pool works on its cases; where the JVM has virtual threads that a
 * {@code synchronized} block does not pin to their carrier (Java 24 and later), that blocking
 * work runs on virtual threads, whose parking and waking cost far less than an OS thread's.
 * Jetty's selectors and the evaluation pool stay on platform threads, and the limits on
 * arriving bodies and admitted evaluations bound the work either way.
 */
final class RequestThreads {
    private RequestThreads() { }

    static QueuedThreadPool create() {
        QueuedThreadPool threads = new QueuedThreadPool(250, 8, 60_000);
        threads.setName("nanoguide-http");
        if (Runtime.version().feature() >= 24 && VirtualThreads.areSupported()) {
            threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("nanoguide-request"));
        }
        return threads;
    }

    /** Whether {@code pool} hands the requests' blocking work to virtual threads. */
    static boolean virtual(ThreadPool pool) {
        return pool instanceof QueuedThreadPool q && q.getVirtualThreadsExecutor() != null;
    }
}
