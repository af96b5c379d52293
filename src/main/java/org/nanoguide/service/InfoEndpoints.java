package org.nanoguide.service;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.nanoguide.Nanoguide;
import org.nanoguide.ProgramVersion;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.RuleListing;
import org.nanoguide.render.JsonRenderer;

/**
 * The read-only endpoints: {@code /v1/health} (with {@code /live} and {@code /ready}), {@code /v1/rules},
 * {@code /v1/schema}, {@code /v1/openapi.json}.
 */
final class InfoEndpoints {
    static final String OPENAPI_RESOURCE = "/nanoguide/openapi.json";

    private final LiveRules rules;
    private final ServiceHealth state;
    private final byte[] openapi = resource(OPENAPI_RESOURCE);
    private final String schema = Nanoguide.reader().schemaText();

    InfoEndpoints(LiveRules rules, ServiceHealth state) {
        this.rules = rules;
        this.state = state;
    }

    void health(Context ctx) {
        KnowledgeBase kb = rules.current().knowledgeBase();
        LiveRules.ReloadStatus last = rules.lastReload();
        List<String> degraded = state.degraded().stream().map(this::withoutPath).toList();
        Views.Health h = new Views.Health(degraded.isEmpty() ? "ok" : "degraded", degraded, kb.ruleCount(), kb.fingerprint(),
                kb.version(), kb.loadedAt().toString(), withoutPath(last.error()), last.problems().stream().map(this::withoutPath).toList(),
                last.at() == null ? null : last.at().toString(), rules.folder() == null ? "bundled" : folderName(),
                state.watching(), state.lastWatchEventAt(), state.stuck(), ProgramVersion.version());
        Answers.json(ctx, JsonRenderer.compact(h));
    }

    /** Liveness: the process answers HTTP. Nothing else is asked, so an orchestrator restarts only a hung process. */
    void live(Context ctx) {
        Answers.json(ctx, JsonRenderer.compact(new Views.Probe("live")));
    }

    /** Readiness: rules are loaded and the service answers correctly; else 503 with the reasons. */
    void ready(Context ctx) {
        List<String> why = state.notReady().stream().map(this::withoutPath).toList();
        if (!why.isEmpty()) throw new ApiException(503, "not ready: " + String.join("; ", why));
        Answers.json(ctx, JsonRenderer.compact(new Views.Probe("ready")));
    }

    /**
     * Health answers anyone who can reach the port: it names the rules folder by its name, never
     * by where it lies on the server.
     */
    private String withoutPath(String text) {
        if (text == null || rules.folder() == null) return text;
        String absolute = rules.folder().toAbsolutePath().normalize().toString();
        return text.replace(absolute, folderName()).replace(rules.folder().toString(), folderName());
    }

    private String folderName() {
        Path name = rules.folder().toAbsolutePath().normalize().getFileName();
        return name == null ? "rules" : name.toString();
    }

    void rules(Context ctx) {
        KnowledgeBase kb = rules.current().knowledgeBase();
        ctx.header(EvaluateEndpoint.FINGERPRINT_HEADER, kb.fingerprint());
        Answers.json(ctx, JsonRenderer.compact(RuleListing.of(kb)));
    }

    void schema(Context ctx) { Answers.json(ctx, schema); }

    void openapi(Context ctx) { Answers.json(ctx, openapi); }

    private static byte[] resource(String name) {
        try (InputStream in = InfoEndpoints.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing from the class path: " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
