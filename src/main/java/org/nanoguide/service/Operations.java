package org.nanoguide.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nanoguide.cds.CdsEndpoint;
import org.nanoguide.render.JsonRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators watch: one JSON line per request on the {@code nanoguide.requests} logger
 * (time, method, route, status, latency, knowledge-base fingerprint, CDS hook instance; never a
 * body, a query string or anything of the patient), and Prometheus metrics at {@code GET /metrics}
 * (Micrometer): requests by route and status with their latencies, cases evaluated, reloads by
 * outcome, the rules' last load and reload.
 */
final class Operations {
    private static final Logger REQUESTS = LoggerFactory.getLogger("nanoguide.requests");
    /** A path that is not a route is counted as this, so a scan of random URLs cannot grow the metrics. */
    static final String OTHER_ROUTE = "other";
    private static final JsonFactory JSON = JsonRenderer.mapper().getFactory();

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final LiveRules rules;
    private final List<String> routes;

    Operations(LiveRules rules, EvaluationPool pool, HeldAnswers held, List<String> routes) {
        this.rules = rules;
        this.routes = routes;
        FunctionCounter.builder("nanoguide.evaluations", pool, EvaluationPool::evaluated)
                .description("cases evaluated (each case of a batch, each CDS call with a diagnosis)").register(registry);
        Gauge.builder("nanoguide.rules.loaded.timestamp", rules, r -> r.current().knowledgeBase().loadedAt().toEpochMilli() / 1000.0)
                .description("when the serving rules were loaded (a successful reload moves it)").baseUnit("seconds").register(registry);
        Gauge.builder("nanoguide.rules.reload.last.timestamp", rules, r -> r.lastReload() == null || r.lastReload().at() == null ? 0
                        : r.lastReload().at().toEpochMilli() / 1000.0)
                .description("when the rules folder was last reloaded, whatever the outcome; 0 before any reload").baseUnit("seconds").register(registry);
        for (LiveRules.ReloadOutcome outcome : LiveRules.ReloadOutcome.values()) {
            FunctionCounter.builder("nanoguide.rules.reloads", rules, r -> r.reloads(outcome))
                    .description("reloads of the rules folder by outcome: applied (new rules serve), refused (the old rules serve on), unchanged")
                    .tag("outcome", outcome.label()).register(registry);
        }
        Gauge.builder("nanoguide.rules.reload.last.failed", rules, r -> r.lastReload() != null && r.lastReload().error() != null ? 1 : 0)
                .description("1 while the last reload failed (the older rules still serve)").register(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(registry);
        Gauge.builder("nanoguide.evaluations.running", pool, EvaluationPool::active).description("evaluations running now").register(registry);
        Gauge.builder("nanoguide.answers.held", held, HeldAnswers::held).baseUnit("bytes")
                .description("answer bytes made and not yet read by their clients, all requests together (503 above --max-answers-held)").register(registry);
    }

    /** Javalin's request logger: after every request, answered or not. */
    void log(Context ctx, Float ms) {
        String route = route(ctx);
        String status = Integer.toString(ctx.statusCode());
        Timer.builder("nanoguide.http.requests").description("HTTP requests by route and status")
                .tag("method", ctx.method().name()).tag("route", route).tag("status", status)
                .register(registry).record((long) (ms * 1_000_000L), TimeUnit.NANOSECONDS);
        // written field by field: a tree node per request, serialised through the mapper, costs
        // several times what the line itself does
        StringWriter line = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("time", Instant.now().toString());
            g.writeStringField("method", ctx.method().name());
            g.writeStringField("route", route);
            g.writeNumberField("status", ctx.statusCode());
            g.writeNumberField("latencyMs", Math.round(ms * 10) / 10.0);
            g.writeStringField("kbFingerprint", rules.current().knowledgeBase().fingerprint());
            Object hook = ctx.attribute(CdsEndpoint.HOOK_INSTANCE);
            if (hook != null) g.writeStringField("hookInstance", hook.toString());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        REQUESTS.info(line.toString());
    }

    void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    private String route(Context ctx) {
        // HEAD runs the GET route (NanoguideService.get), so it counts under that route
        String method = ctx.method() == HandlerType.HEAD ? "GET" : ctx.method().name();
        String r = method + " " + ctx.path();
        return routes.contains(r) ? ctx.path() : OTHER_ROUTE;
    }
}
