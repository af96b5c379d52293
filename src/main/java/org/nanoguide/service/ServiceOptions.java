package org.nanoguide.service;

import java.time.Duration;
import org.nanoguide.engine.Engine;

/**
 * How the service runs. Defaults are the safe ones: loopback only, a 1 MiB body limit,
 * evaluation on as many threads as cores with a 10 s limit per request.
 *
 * @param host         the address to bind; {@code 127.0.0.1} unless told otherwise
 * @param port         the TCP port; 0 picks a free one (tests, load tests)
 * @param maxBodyBytes the largest request body accepted (413 above it)
 * @param threads      the evaluation pool's size (requests beyond it wait in a bounded queue)
 * @param timeout      how long one request's evaluation may take (503 after it)
 * @param maxFirings   the per-case bound on rule firings (500 when a rule runs away)
 * @param idleTimeout  how long a connection may sit idle, also mid-request (slow clients are cut)
 */
public record ServiceOptions(String host, int port, long maxBodyBytes, int threads, Duration timeout,
                             int maxFirings, Duration idleTimeout) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY = 1L << 20;
    public static final long DEFAULT_TIMEOUT_MS = 10_000;
    /** Requests that may wait for an evaluation thread, per thread; beyond that the service says 503. */
    public static final int QUEUE_PER_THREAD = 64;

    public ServiceOptions {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host must not be empty");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be between 0 and 65535");
        if (maxBodyBytes < 1) throw new IllegalArgumentException("max body must be at least 1 byte");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (timeout == null || timeout.isZero() || timeout.isNegative()) throw new IllegalArgumentException("timeout must be positive");
        if (maxFirings < 1) throw new IllegalArgumentException("max firings must be at least 1");
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("idle timeout must be positive");
    }

    /** The defaults, on a port of your choice. */
    public static ServiceOptions defaults() {
        return new ServiceOptions(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY, Runtime.getRuntime().availableProcessors(),
                Duration.ofMillis(DEFAULT_TIMEOUT_MS), Engine.DEFAULT_MAX_FIRINGS, Duration.ofSeconds(30));
    }

    public ServiceOptions withHost(String h) { return new ServiceOptions(h, port, maxBodyBytes, threads, timeout, maxFirings, idleTimeout); }

    public ServiceOptions withPort(int p) { return new ServiceOptions(host, p, maxBodyBytes, threads, timeout, maxFirings, idleTimeout); }

    public ServiceOptions withMaxBodyBytes(long b) { return new ServiceOptions(host, port, b, threads, timeout, maxFirings, idleTimeout); }

    public ServiceOptions withThreads(int t) { return new ServiceOptions(host, port, maxBodyBytes, t, timeout, maxFirings, idleTimeout); }

    public ServiceOptions withTimeout(Duration t) { return new ServiceOptions(host, port, maxBodyBytes, threads, t, maxFirings, idleTimeout); }

    public ServiceOptions withMaxFirings(int f) { return new ServiceOptions(host, port, maxBodyBytes, threads, timeout, f, idleTimeout); }
}
