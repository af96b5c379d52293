package org.nanoguide.service;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.nanoguide.Nanoguide;
import org.nanoguide.ProgramVersion;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.render.JsonRenderer;

/** The read-only endpoints: {@code /v1/health}, {@code /v1/rules}, {@code /v1/schema}, {@code /v1/openapi.json}. */
final class InfoEndpoints {
    static final String OPENAPI_RESOURCE = "/nanoguide/openapi.json";

    private final LiveRules rules;
    private final boolean watching;
    private final byte[] openapi = resource(OPENAPI_RESOURCE);
    private final String schema = Nanoguide.reader().schemaText();

    InfoEndpoints(LiveRules rules, boolean watching) {
        this.rules = rules;
        this.watching = watching;
    }

    void health(Context ctx) {
        KnowledgeBase kb = rules.current().knowledgeBase();
        LiveRules.ReloadStatus last = rules.lastReload();
        Views.Health h = new Views.Health(last.error() == null ? "ok" : "degraded", kb.ruleCount(), kb.fingerprint(),
                kb.version(), kb.loadedAt().toString(), withoutPath(last.error()), last.problems().stream().map(this::withoutPath).toList(),
                last.at() == null ? null : last.at().toString(),
                rules.folder() == null ? "bundled" : folderName(), watching, ProgramVersion.version());
        Answers.json(ctx, JsonRenderer.compact(h));
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
        Answers.json(ctx, JsonRenderer.compact(new Views.Rules(kb.version(), kb.fingerprint(), kb.ruleCount(), kb.rules())));
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
