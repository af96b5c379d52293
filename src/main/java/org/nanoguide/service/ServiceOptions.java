package org.nanoguide.service;

import java.time.Duration;

/**
 * How the service runs. Defaults are the safe ones: loopback only, a 1 MiB body limit,
 * evaluation on as many threads as cores with a 10 s limit per request. The bound on rule
 * firings is not here: it belongs to the rules that serve ({@link LiveRules}), which apply it to
 * every instance they swap in.
 *
 * @param host         the address to bind; {@code 127.0.0.1} unless told otherwise
 * @param port         the TCP port; 0 picks a free one (tests, load tests)
 * @param maxBodyBytes the largest request body accepted (413 above it)
 * @param threads      the evaluation pool's size (requests beyond it wait in a bounded queue)
 * @param timeout      how long one request's evaluation may take (503 after it)
 * @param idleTimeout  how long a connection may sit idle, also mid-request (slow clients are cut)
 * @param bodyTimeout  how long a request body may take to arrive in all (408 after it), however
 *                     steadily its bytes trickle in
 * @param maxUploads   how many request bodies may be read at once while they are still arriving
 *                     (503 beyond): slow uploads never hold the threads health and other requests need
 * @param maxCases     the most cases one request may hold (413 above it)
 * @param maxAnswerBytes the largest answer the service builds (413 above it)
 * @param maxAnswersHeldBytes the most answer bytes all requests may hold at once, from their
 *                     evaluation until their clients have read them (503 with Retry-After above it);
 *                     never less than {@code maxAnswerBytes} in effect
 */
public record ServiceOptions(String host, int port, long maxBodyBytes, int threads, Duration timeout, Duration idleTimeout,
                             Duration bodyTimeout, int maxUploads, int maxCases, long maxAnswerBytes,
                             long maxAnswersHeldBytes) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY = 1L << 20;
    public static final long DEFAULT_TIMEOUT_MS = 10_000;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_UPLOADS = 32;
    public static final int DEFAULT_MAX_CASES = 1000;
    public static final long DEFAULT_MAX_ANSWER = 16L << 20;
    /** More evaluation threads than this is a mistake, not a configuration (and its queue would not fit in memory). */
    public static final int MAX_THREADS = 1024;
    /** Requests that may wait for an evaluation thread, per thread; beyond that the service says 503. */
    public static final int QUEUE_PER_THREAD = 64;

    public ServiceOptions {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host must not be empty");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be between 0 and 65535");
        if (maxBodyBytes < 1) throw new IllegalArgumentException("max body must be at least 1 byte");
        if (threads < 1 || threads > MAX_THREADS) throw new IllegalArgumentException("threads must be between 1 and " + MAX_THREADS);
        if (timeout == null || timeout.isZero() || timeout.isNegative()) throw new IllegalArgumentException("timeout must be positive");
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("idle timeout must be positive");
        if (bodyTimeout == null || bodyTimeout.isNegative() || bodyTimeout.isZero()) throw new IllegalArgumentException("body timeout must be positive");
        if (maxUploads < 1) throw new IllegalArgumentException("max uploads must be at least 1");
        if (maxCases < 1) throw new IllegalArgumentException("max cases must be at least 1");
        if (maxAnswerBytes < 1) throw new IllegalArgumentException("max answer must be at least 1 byte");
        if (maxAnswersHeldBytes < 1) throw new IllegalArgumentException("max answers held must be at least 1 byte");
    }

    /** The defaults, on a port of your choice. */
    public static ServiceOptions defaults() { return new Builder().build(); }

    public ServiceOptions withHost(String h) { return toBuilder().host(h).build(); }

    public ServiceOptions withPort(int p) { return toBuilder().port(p).build(); }

    public ServiceOptions withMaxBodyBytes(long b) { return toBuilder().maxBodyBytes(b).build(); }

    public ServiceOptions withThreads(int t) { return toBuilder().threads(t).build(); }

    public ServiceOptions withTimeout(Duration t) { return toBuilder().timeout(t).build(); }

    public ServiceOptions withIdleTimeout(Duration t) { return toBuilder().idleTimeout(t).build(); }

    public ServiceOptions withBodyTimeout(Duration t) { return toBuilder().bodyTimeout(t).build(); }

    public ServiceOptions withMaxUploads(int n) { return toBuilder().maxUploads(n).build(); }

    public ServiceOptions withMaxCases(int n) { return toBuilder().maxCases(n).build(); }

    public ServiceOptions withMaxAnswerBytes(long b) { return toBuilder().maxAnswerBytes(b).build(); }

    public ServiceOptions withMaxAnswersHeldBytes(long b) { return toBuilder().maxAnswersHeldBytes(b).build(); }

    /** Half the heap: the other half is for the rules, the evaluations and the requests. */
    public static long defaultMaxAnswersHeld() { return Math.max(1, Runtime.getRuntime().maxMemory() / 2); }

    public Builder toBuilder() { return new Builder(this); }

    /** Options one at a time; {@link #build()} checks them all. Starts from the defaults. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private long maxBodyBytes = DEFAULT_MAX_BODY;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Duration timeout = Duration.ofMillis(DEFAULT_TIMEOUT_MS);
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration bodyTimeout = DEFAULT_BODY_TIMEOUT;
        private int maxUploads = DEFAULT_MAX_UPLOADS;
        private int maxCases = DEFAULT_MAX_CASES;
        private long maxAnswerBytes = DEFAULT_MAX_ANSWER;
        private long maxAnswersHeldBytes = defaultMaxAnswersHeld();

        public Builder() { }

        private Builder(ServiceOptions o) {
            host = o.host;
            port = o.port;
            maxBodyBytes = o.maxBodyBytes;
            threads = o.threads;
            timeout = o.timeout;
            idleTimeout = o.idleTimeout;
            bodyTimeout = o.bodyTimeout;
            maxUploads = o.maxUploads;
            maxCases = o.maxCases;
            maxAnswerBytes = o.maxAnswerBytes;
            maxAnswersHeldBytes = o.maxAnswersHeldBytes;
        }

        public Builder host(String v) { host = v; return this; }

        public Builder port(int v) { port = v; return this; }

        public Builder maxBodyBytes(long v) { maxBodyBytes = v; return this; }

        public Builder threads(int v) { threads = v; return this; }

        public Builder timeout(Duration v) { timeout = v; return this; }

        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }

        public Builder bodyTimeout(Duration v) { bodyTimeout = v; return this; }

        public Builder maxUploads(int v) { maxUploads = v; return this; }

        public Builder maxCases(int v) { maxCases = v; return this; }

        public Builder maxAnswerBytes(long v) { maxAnswerBytes = v; return this; }

        public Builder maxAnswersHeldBytes(long v) { maxAnswersHeldBytes = v; return this; }

        /** @throws IllegalArgumentException naming the first option out of range */
        public ServiceOptions build() {
            return new ServiceOptions(host, port, maxBodyBytes, threads, timeout, idleTimeout, bodyTimeout, maxUploads, maxCases, maxAnswerBytes,
                    maxAnswersHeldBytes);
        }
    }
}
