package org.nanoguide.service;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.nanoguide.cds.CdsConfig;
import org.nanoguide.cds.CdsEndpoint;
import org.nanoguide.cds.CdsGate;
import org.nanoguide.cds.Discovery;
import org.nanoguide.kb.KnowledgeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nanoguide over HTTP (Javalin on Jetty): the routes and the service's life, nothing else. Stateless
 * apart from the serving rules: any number of replicas can run behind a load balancer. Endpoints:
 * <ul>
 *   <li>{@code POST /v1/evaluate} ({@link EvaluateEndpoint}): a case, or an array of cases, in; the
 *       contract's result(s) out, byte for byte the lines {@code nanoguide evaluate --format ndjson} prints
 *       ({@code ?trace=true} adds the trace, as {@code --trace} does);</li>
 *   <li>{@code GET /v1/health}, {@code /v1/health/live}, {@code /v1/health/ready}, {@code /v1/rules},
 *       {@code /v1/schema}, {@code /v1/openapi.json} ({@link InfoEndpoints});</li>
 *   <li>{@code GET /metrics}: Prometheus metrics; every request is also logged as one JSON line ({@link Operations});</li>
 *   <li>{@code GET /cds-services}, {@code POST /cds-services/nanocarrier-advice} and its {@code /feedback}: CDS Hooks 2.0 ({@link CdsEndpoint}).</li>
 * </ul>
 * No endpoint accepts rules or code. Errors are {@link ApiError} JSON with the CLI's messages.
 * Evaluation runs in an {@link EvaluationPool}; each request reads the serving rules once
 * ({@link LiveRules#current()}), so a reload never changes them under a request.
 */
public final class NanoguideService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NanoguideService.class);
    /**
     * Every route, as the 404 and 405 answers list them. A new route is a line here, a line in
     * {@link #routes}, and its entry in openapi.json (NanoguideServiceTest holds the three together).
     */
    public static final List<String> ROUTES = List.of(
            "POST /v1/evaluate", "GET /v1/health", "GET /v1/health/live", "GET /v1/health/ready", "GET /v1/rules",
            "GET /v1/schema", "GET /v1/openapi.json", "GET /", "GET /assets/{file}", "POST /v1/report",
            "GET /metrics", "GET /cds-services", "POST /cds-services/" + Discovery.SERVICE_ID, "POST /cds-services/" + Discovery.SERVICE_ID + "/feedback");

    private final LiveRules rules;
    private final ServiceOptions options;
    private final EvaluationPool pool;
    private final EvaluateEndpoint evaluate;
    private final ServiceHealth health;
    private final InfoEndpoints info;
    private final WebPage page;
    private final ReportEndpoint report;
    private final CdsEndpoint cds;
    private final CdsGate gate;
    private final Operations operations;
    private final Javalin app;
    private volatile RulesWatcher watcher;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger closing = new AtomicInteger();

    private NanoguideService(LiveRules rules, ServiceOptions options, boolean watch, CdsConfig cdsConfig) throws IOException {
        this.rules = rules;
        this.options = options;
        this.pool = new EvaluationPool(options.threads(), options.timeout());
        Uploads uploads = new Uploads(options.maxBodyBytes(), options.bodyTimeout(), options.maxUploads(), () -> closing.get() > 0);
        // never below one answer's limit: an answer within it is not refused for its own size alone
        HeldAnswers held = new HeldAnswers(Math.max(options.maxAnswersHeldBytes(), options.maxAnswerBytes()));
        this.evaluate = new EvaluateEndpoint(rules, pool, uploads, options.maxCases(), options.maxAnswerBytes(), held);
        this.health = new ServiceHealth(rules, pool, watch);
        this.info = new InfoEndpoints(rules, health);
        this.page = new WebPage(rules);
        this.report = new ReportEndpoint(rules, pool, uploads, options.maxCases(), options.maxAnswerBytes(), held);
        this.cds = new CdsEndpoint(rules::current, (guide, c) -> pool.evaluate(guide, List.of(c)).get(0),
                ctx -> uploads.read(ctx.req()), cdsConfig.site());
        this.gate = new CdsGate(cdsConfig, java.time.Clock.systemUTC());
        this.operations = new Operations(rules, pool, held, ROUTES);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = options.maxBodyBytes();
            config.http.generateEtags = false;
            config.jetty.threadPool = RequestThreads.create();
            config.jetty.addConnector((server, http) -> bound(server, http, options));
            config.jetty.modifyServer(server -> {
                // let requests in flight finish on shutdown
                server.setHandler(new GracefulHandler());
                server.setErrorHandler(new JsonErrorHandler());
                server.setStopTimeout(options.timeout().toMillis() + 2_000);
                server.setStopAtShutdown(false);
            });
            cors(config, cdsConfig);
            config.requestLogger.http(operations::log);
            routes(config.routes);
            Failures.answer(config.routes, ROUTES);
        });
    }

    /**
     * The service's one connector, bound to its port here, where Javalin asks for connectors and
     * before it starts the server. A port in use then fails as an {@link UncheckedIOException}
     * that only says why; bound later, when Jetty starts, Javalin would first log the failure as
     * an ERROR of its own. The socket is kept open and Jetty serves on it, so nothing can take
     * the port between this check and the start.
     */
    private static ServerConnector bound(Server server, HttpConfiguration http, ServiceOptions options) {
        ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
        c.setHost(options.host());
        c.setPort(options.port());
        c.setIdleTimeout(options.idleTimeout().toMillis());
        try {
            c.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    /** Whether requests are handled on virtual threads (see {@link RequestThreads}). */
    boolean virtualRequestThreads() { return RequestThreads.virtual(app.jettyServer().server().getThreadPool()); }

    /** Browser-based EHRs (SMART apps) call from the origins the clients file lists; no others. */
    private static void cors(io.javalin.config.JavalinConfig config, CdsConfig cds) {
        if (cds.clients() == null || cds.clients().allowedOrigins().isEmpty()) return;
        List<String> origins = cds.clients().allowedOrigins();
        config.bundledPlugins.enableCors(c -> c.addRule(rule -> {
            rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
            rule.exposeHeader(EvaluateEndpoint.FINGERPRINT_HEADER);
        }));
    }

    private void routes(RoutesConfig r) {
        r.before(gate::check);
        r.post("/v1/evaluate", Failures.guarded(evaluate::handle));
        get(r, "/v1/health", Failures.guarded(info::health));
        get(r, "/v1/health/live", Failures.guarded(info::live));
        get(r, "/v1/health/ready", Failures.guarded(info::ready));
        get(r, "/v1/rules", Failures.guarded(info::rules));
        get(r, "/v1/schema", Failures.guarded(info::schema));
        get(r, "/v1/openapi.json", Failures.guarded(info::openapi));
        get(r, "/", Failures.guarded(page::page));
        get(r, "/assets/{file}", Failures.guarded(page::asset));
        r.post("/v1/report", Failures.guarded(report::handle));
        get(r, "/metrics", Failures.guarded(operations::metrics));
        get(r, "/cds-services", Failures.guarded(cds::discovery));
        r.post("/cds-services/" + Discovery.SERVICE_ID, Failures.guarded(cds::invoke));
        r.post("/cds-services/" + Discovery.SERVICE_ID + "/feedback", Failures.guarded(cds::feedback));
    }

    /**
     * A GET route, and HEAD on it with the same handler: the same status and headers (Content-Type
     * included) without the body, which Jetty leaves out of an answer to HEAD.
     * Javalin alone answers HEAD on a GET route without running it, as an empty text/plain 200.
     */
    private static void get(RoutesConfig r, String path, Handler h) {
        r.get(path, h);
        r.head(path, h);
    }

    /**
     * Starts a service over {@code rules}; with {@code watch}, edits to the rules folder are
     * reloaded while it runs.
     */
    public static NanoguideService start(LiveRules rules, ServiceOptions options, boolean watch) throws IOException {
        return start(rules, options, watch, CdsConfig.DEFAULT);
    }

    /** As {@link #start(LiveRules, ServiceOptions, boolean)}, with the CDS Hooks endpoints configured by {@code cds}. */
    public static NanoguideService start(LiveRules rules, ServiceOptions options, boolean watch, CdsConfig cds) throws IOException {
        NanoguideService s = new NanoguideService(rules, options, watch, cds);
        try {
            s.app.start();
        } catch (UncheckedIOException e) {
            // the port cannot be bound: nothing started, so nothing says it stops
            s.release();
            throw e.getCause();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        if (watch) {
            // once the port is ours: a service that cannot start says nothing about watching
            try {
                s.watcher = RulesWatcher.start(rules, RulesWatcher.DEFAULT_DEBOUNCE);
                s.health.watcher(s.watcher);
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
        }
        if (cds.clients() == null) {
            LOG.warn("no trusted CDS clients (serve --cds-clients FILE): the CDS Hooks endpoints answer callers on this machine only, without authentication");
        }
        KnowledgeBase kb = rules.current().knowledgeBase();
        LOG.info("serving {} rules ({}, version {}) on {}", kb.ruleCount(), kb.fingerprint(), kb.version(), s.baseUri());
        return s;
    }

    public int port() { return app.port(); }

    /** {@code http://host:port}. */
    public URI baseUri() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + port());
    }

    public LiveRules rules() { return rules; }

    /** How many evaluations are running now (for tests and monitoring). */
    public int evaluationsRunning() { return pool.active(); }

    /** Blocks until the service has stopped. */
    public void awaitStop() throws InterruptedException { stopped.await(); }

    /**
     * Stops gracefully: no new connections, requests in flight finish (up to the evaluation
     * time limit), then the evaluation pool and the watcher stop. Idempotent.
     */
    @Override
    public void close() {
        if (closing.getAndIncrement() > 0) return;
        LOG.info("stopping");
        release();
        LOG.info("stopped");
    }

    /** Stops whatever runs (watcher, server, evaluation pool) and wakes {@link #awaitStop()}. */
    private void release() {
        closing.incrementAndGet();
        if (watcher != null) watcher.close();
        try {
            app.stop();
        } finally {
            pool.close();
            stopped.countDown();
        }
    }
}
