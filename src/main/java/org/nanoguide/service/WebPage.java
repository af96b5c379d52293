package org.nanoguide.service;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.nanoguide.explain.Result;
import org.nanoguide.render.Templates;

/**
 * {@code GET /}: the page where a person picks an example case, pastes or uploads one, and sees
 * its report (from {@code POST /v1/report}), trying the values of the unknowns that would change
 * the advice. Its script and styles are served here too ({@code /assets/...}), and every answer
 * says scripts may come from this origin only, so the page works without any other site.
 */
final class WebPage {
    static final String HTML = "text/html; charset=utf-8";
    /** Scripts and everything else from this origin only; nothing framed, no plugins. */
    static final String POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    private static final Map<String, String> TYPES = Map.of(
            "page.js", "text/javascript; charset=utf-8", "page.css", "text/css; charset=utf-8", "report.css", "text/css; charset=utf-8");

    private final LiveRules rules;
    private final Examples examples = Examples.bundled();
    private final Map<String, byte[]> assets = Map.of(
            "page.js", Templates.resource("page.js").getBytes(StandardCharsets.UTF_8),
            "page.css", Templates.resource("page.css").getBytes(StandardCharsets.UTF_8),
            "report.css", Templates.resource("report.css").getBytes(StandardCharsets.UTF_8));

    WebPage(LiveRules rules) { this.rules = rules; }

    void page(Context ctx) {
        var kb = rules.current().knowledgeBase();
        String page = Templates.render("service-page", Map.of("examples", examples.all(), "disclaimer", Result.DISCLAIMER,
                "version", kb.version(), "rules", kb.ruleCount(), "fingerprint", kb.fingerprint()));
        secure(ctx).contentType(HTML).result(page);
    }

    void asset(Context ctx) {
        String name = ctx.pathParam("file");
        byte[] body = assets.get(name);
        if (body == null) throw new ApiException(404, "no such asset: /assets/" + name + " (the assets are " + String.join(", ", assets.keySet()) + ")");
        secure(ctx).contentType(TYPES.get(name)).result(body);
    }

    static Context secure(Context ctx) {
        return ctx.header("Content-Security-Policy", POLICY).header("X-Content-Type-Options", "nosniff");
    }
}
