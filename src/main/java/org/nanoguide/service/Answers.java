package org.nanoguide.service;

import io.javalin.http.Context;
import org.nanoguide.render.JsonRenderer;

/** How every endpoint answers: JSON in UTF-8, errors as {@link ApiError}. */
final class Answers {
    static final String JSON = "application/json; charset=utf-8";

    private Answers() { }

    static void json(Context ctx, String body) { ctx.contentType(JSON).result(body); }

    static void json(Context ctx, byte[] body) { ctx.contentType(JSON).result(body); }

    /** What a request that ran out of memory gets. */
    static ApiException outOfMemory() {
        return new ApiException(503, "the service ran out of memory for this request; send fewer cases per request or retry later");
    }

    static void error(Context ctx, ApiError error) {
        ctx.status(error.status()).contentType(JSON).result(JsonRenderer.compact(error));
    }
}
