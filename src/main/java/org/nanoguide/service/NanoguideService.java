package org.nanoguide.service;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.nanoguide.Nanoguide;
import org.nanoguide.engine.EvaluationException;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.CaseReader;
import org.nanoguide.render.JsonRenderer;
import org.nanoguide.whatif.WhatIfJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nanoguide over HTTP (Javalin on Jetty). Stateless apart from the serving rules: any number of
 * replicas can run behind a load balancer. Endpoints:
 * <ul>
 *   <li>{@code POST /v1/evaluate}: a case, or an array of cases, in; the contract's result(s) out,
 *       byte for byte the lines {@code nanoguide evaluate --format ndjson} prints;</li>
 *   <li>{@code GET /v1/health}, {@code GET /v1/rules}, {@code GET /v1/schema}, {@code GET /v1/openapi.json}.</li>
 * </ul>
 * No endpoint accepts rules or code. Errors are {@link ApiError} JSON with the CLI's messages.
 * Evaluation runs on a bounded pool with a time limit; each request reads the serving rules
 * once ({@link LiveRules#current()}), so a reload never changes them under a request.
 */
public final class NanoguideService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NanoguideService.class);
    /** Every route, for the OpenAPI check and the docs. */
    public static final List<String> ROUTES = List.of(
            "POST /v1/evaluate", "GET /v1/health", "GET /v1/rules", "GET /v1/schema", "GET /v1/openapi.json");
    static final String JSON = "application/json; charset=utf-8";
    static final String OPENAPI_RESOURCE = "/nanoguide/openapi.json";
    /** The source name that messages about a request body use, as the CLI uses a file's name. */
    static final String SOURCE = "request";
    /** How much of a body over the limit is read and dropped so that the client sees the 413. */
    static final long DRAIN_LIMIT = 8L << 20;

    private final LiveRules rules;
    private final ServiceOptions options;
    private final CaseReader reader = Nanoguide.reader();
    private final ThreadPoolExecutor pool;
    private final Javalin app;
    private final byte[] openapi;
    private final RulesWatcher watcher;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger closing = new AtomicInteger();

    private NanoguideService(LiveRules rules, ServiceOptions options, boolean watch) throws IOException {
        this.rules = rules;
        this.options = options;
        this.openapi = resource(OPENAPI_RESOURCE);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(options.threads(), options.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(options.threads() * ServiceOptions.QUEUE_PER_THREAD), r -> {
                    Thread t = new Thread(r, "nanoguide-eval-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = options.maxBodyBytes();
            config.http.generateEtags = false;
            config.jetty.modifyServer(server -> {
                // let requests in flight finish on shutdown
                server.setHandler(new GracefulHandler());
                server.setErrorHandler(new JsonErrorHandler());
                server.setStopTimeout(options.timeout().toMillis() + 2_000);
                server.setStopAtShutdown(false);
            });
            config.routes.post("/v1/evaluate", this::evaluate);
            config.routes.get("/v1/health", this::health);
            config.routes.get("/v1/rules", this::rulesList);
            config.routes.get("/v1/schema", ctx -> ctx.contentType(JSON).result(reader.schemaText()));
            config.routes.get("/v1/openapi.json", ctx -> ctx.contentType(JSON).result(openapi));
            config.routes.exception(ApiException.class, (e, ctx) -> send(ctx, e.body()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, new ApiError(message(e), e.getStatus())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                send(ctx, new ApiError("internal error: " + e.getClass().getSimpleName(), 500));
            });
            config.routes.error(404, ctx -> {
                send(ctx, new ApiError("not found: " + ctx.method() + " " + ctx.path()
                        + " (the endpoints are " + String.join(", ", ROUTES) + ")", 404));
            });
            config.routes.error(405, ctx -> {
                send(ctx, new ApiError("method not allowed: " + ctx.method() + " " + ctx.path()
                        + " (the endpoints are " + String.join(", ", ROUTES) + ")", 405));
            });
        });
        this.watcher = watch ? RulesWatcher.start(rules, RulesWatcher.DEFAULT_DEBOUNCE) : null;
    }

    /**
     * Starts a service over {@code rules}; with {@code watch}, edits to the rules folder are
     * reloaded while it runs.
     */
    public static NanoguideService start(LiveRules rules, ServiceOptions options, boolean watch) throws IOException {
        NanoguideService s = new NanoguideService(rules, options, watch);
        try {
            s.app.start(options.host(), options.port());
            for (Connector c : s.app.jettyServer().server().getConnectors()) {
                if (c instanceof org.eclipse.jetty.server.AbstractConnector ac) ac.setIdleTimeout(options.idleTimeout().toMillis());
            }
        } catch (RuntimeException e) {
            s.close();
            throw e;
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
    public int evaluationsRunning() { return pool.getActiveCount(); }

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
        if (watcher != null) watcher.close();
        try {
            app.stop();
        } finally {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(options.timeout().toMillis(), TimeUnit.MILLISECONDS)) pool.shutdownNow();
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
            LOG.info("stopped");
        }
    }

    // ---- endpoints ----------------------------------------------------------------------

    private void evaluate(Context ctx) {
        requireJson(ctx);
        boolean whatIf = flag(ctx, "whatIf");
        byte[] body = readBody(ctx);
        List<CaseInput> inputs = reader.readDocument(SOURCE, SOURCE, body, 0);
        List<String> rejected = new ArrayList<>();
        for (CaseInput in : inputs) {
            if (in instanceof CaseInput.Rejected r) {
                if (r.problems().isEmpty()) rejected.add(r.message());
                else r.problems().forEach(p -> rejected.add(p.toString()));
            }
        }
        if (!rejected.isEmpty()) {
            // "error" is the first problem; "errors" lists every problem of every rejected case
            String first = rejected.get(0);
            throw new ApiException(400, rejected.size() == 1 ? first
                    : first + " (and " + (rejected.size() - 1) + " more problem" + (rejected.size() > 2 ? "s" : "") + ", in errors)",
                    rejected.size() == 1 ? List.of() : rejected);
        }
        boolean array = isArray(body);
        Nanoguide guide = rules.current(); // once per request: a reload never changes the rules under it
        List<String> json = evaluateOnPool(guide, inputs, whatIf);
        String out = array ? "[" + String.join(",", json) + "]" : json.get(0);
        ctx.header("Nanoguide-Rules-Fingerprint", guide.knowledgeBase().fingerprint());
        ctx.contentType(JSON).result(out.getBytes(StandardCharsets.UTF_8));
    }

    /** A query flag: absent or {@code false} is false, {@code true} is true, anything else a 400 naming it. */
    private static boolean flag(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.equals("false")) return false;
        if (v.equals("true")) return true;
        throw new ApiException(400, "query parameter " + name + "=" + v + ": expected true or false");
    }

    private List<String> evaluateOnPool(Nanoguide guide, List<CaseInput> inputs, boolean whatIf) {
        Future<List<String>> f;
        try {
            f = pool.submit(() -> {
                List<String> out = new ArrayList<>(inputs.size());
                for (CaseInput in : inputs) {
                    CaseInput.Valid v = (CaseInput.Valid) in;
                    try {
                        org.nanoguide.explain.Result r = guide.evaluate(v.value());
                        out.add(whatIf ? WhatIfJson.compact(r, guide.whatIf(v.value(), r)) : JsonRenderer.compact(r));
                    } catch (EvaluationException e) {
                        throw new ApiException(500, v.source() + ": case " + v.value().id() + ": " + e.getMessage());
                    } catch (RuntimeException e) {
                        LOG.error("{}: case {}: evaluation failed", v.source(), v.value().id(), e);
                        throw new ApiException(500, v.source() + ": case " + v.value().id() + ": evaluation failed: " + e);
                    }
                    if (Thread.currentThread().isInterrupted()) throw new ApiException(503, "cancelled");
                }
                return out;
            });
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "the service is busy (" + options.threads() + " evaluation threads and their queue are full); retry later");
        }
        try {
            return f.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ApiException(503, "evaluation did not finish within " + options.timeout().toMillis()
                    + " ms (the time limit per request); send fewer cases per request or retry later");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) throw api;
            LOG.error("evaluation failed", e.getCause());
            throw new ApiException(500, "evaluation failed: " + e.getCause());
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiException(503, "the service is stopping");
        }
    }

    private void health(Context ctx) {
        Nanoguide guide = rules.current();
        KnowledgeBase kb = guide.knowledgeBase();
        LiveRules.ReloadStatus last = rules.lastReload();
        Views.Health h = new Views.Health(last.error() == null ? "ok" : "degraded", kb.ruleCount(), kb.fingerprint(),
                kb.version(), kb.loadedAt().toString(), last.error(), last.problems(),
                last.at() == null ? null : last.at().toString(),
                rules.folder() == null ? "bundled" : rules.folder().toString(), watcher != null, programVersion());
        ctx.contentType(JSON).result(JsonRenderer.compact(h));
    }

    private void rulesList(Context ctx) {
        KnowledgeBase kb = rules.current().knowledgeBase();
        ctx.header("Nanoguide-Rules-Fingerprint", kb.fingerprint());
        ctx.contentType(JSON).result(JsonRenderer.compact(new Views.Rules(kb.version(), kb.fingerprint(), kb.ruleCount(), kb.rules())));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static void requireJson(Context ctx) {
        String type = ctx.contentType();
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw new ApiException(415, "unsupported content type " + (type == null || type.isBlank() ? "(none)" : "\"" + type + "\"")
                    + ": send the case as JSON with Content-Type: application/json");
        }
        String charset = type.toLowerCase(Locale.ROOT).replaceAll(".*charset\\s*=\\s*\"?([^\";\\s]+).*", "$1");
        if (type.toLowerCase(Locale.ROOT).contains("charset") && !charset.equals("utf-8") && !charset.equals("utf8")) {
            throw new ApiException(415, "unsupported charset \"" + charset + "\": send the case as UTF-8 JSON");
        }
    }

    /**
     * Reads the body, at most {@code maxBodyBytes}. Over the limit the answer is 413, but the rest
     * of the body is first read and dropped (up to {@link #DRAIN_LIMIT} more bytes): a server that
     * answers and closes while the client still sends makes the client's TCP stack discard the
     * answer, and the client would see a reset instead of the 413.
     */
    private byte[] readBody(Context ctx) {
        long max = options.maxBodyBytes();
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > max) {
                boolean drained = declared <= max + DRAIN_LIMIT && drain(in, declared);
                throw tooLarge(ctx, drained, "request body of " + declared + " bytes is over the limit of " + max + " bytes");
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                boolean drained = drain(in, DRAIN_LIMIT);
                throw tooLarge(ctx, drained, "request body is over the limit of " + max + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new ApiException(400, "cannot read the request body: " + e.getMessage());
        }
    }

    /** Reads and drops the rest of a body, up to {@code limit} bytes; true when it ended within them. */
    private static boolean drain(InputStream in, long limit) throws IOException {
        byte[] buf = new byte[65536];
        long left = limit;
        while (true) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, Math.max(1, left)));
            if (n < 0) return true;
            left -= n;
            if (left < 0) return false;
        }
    }

    private static ApiException tooLarge(Context ctx, boolean drained, String message) {
        if (!drained) ctx.header("Connection", "close");
        return new ApiException(413, message);
    }

    /** Whether the document's first token opens an array (after whitespace and a byte-order mark). */
    static boolean isArray(byte[] body) {
        int i = 0;
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) i = 3;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) i++;
        return i < body.length && body[i] == '[';
    }

    private static void send(Context ctx, ApiError error) {
        ctx.status(error.status()).contentType(JSON).result(JsonRenderer.compact(error));
    }

    private static String message(HttpResponseException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "HTTP " + e.getStatus() : m;
    }

    private static byte[] resource(String name) {
        try (InputStream in = NanoguideService.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing from the class path: " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This program's version, from the build. */
    public static String programVersion() {
        Properties p = new Properties();
        try (InputStream in = NanoguideService.class.getResourceAsStream("/nanoguide/build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // unknown
        }
        return p.getProperty("version", "unknown");
    }
}
