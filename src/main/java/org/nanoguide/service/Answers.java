package org.nanoguide.service;

import io.javalin.http.Context;
import org.nanoguide.render.JsonRenderer;

/** How every endpoint answers: JSON in UTF-8, errors as {@link ApiError}. */
final class Answers {
    static final String JSON = "application/json; charset=utf-8";

    private Answers() { }

    static void json(Context ctx, String body) { ctx.contentType(JSON).result(body); }

    static void json(Context ctx, byte[] body) { ctx.contentType(JSON).result(body); }

    static void error(Context ctx, ApiError error) {
        ctx.status(error.status()).contentType(JSON).result(JsonRenderer.compact(error));
    }
}
