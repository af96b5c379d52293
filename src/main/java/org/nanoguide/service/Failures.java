package org.nanoguide.service;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the service answers a failure: always {@link ApiError} JSON, never a stack trace or the server's own page. */
final class Failures {
    /** Under the service's name, where operators already look for its errors. */
    private static final Logger LOG = LoggerFactory.getLogger(NanoguideService.class);

    private Failures() { }

    /**
     * Running out of memory in a request becomes a JSON 503 (the request is dropped, the service
     * goes on), never the server's empty 500: error handlers only see exceptions.
     */
    static Handler guarded(Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (OutOfMemoryError e) {
                LOG.error("{} {} ran out of memory", ctx.method(), ctx.path());
                throw Answers.outOfMemory();
            }
        };
    }

    /** Every failure becomes {@link ApiError} JSON; an unexpected one is logged and named by its class only. */
    static void answer(RoutesConfig r, List<String> routes) {
        r.exception(ApiException.class, (e, ctx) -> {
            if (e.closeConnection) ctx.header("Connection", "close");
            if (e.retryAfterSeconds > 0) ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds));
            Answers.error(ctx, e.body());
        });
        r.exception(HttpResponseException.class, (e, ctx) -> Answers.error(ctx, new ApiError(message(e), e.getStatus())));
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            Answers.error(ctx, new ApiError("internal error: " + e.getClass().getSimpleName(), 500));
        });
        r.error(404, ctx -> Answers.error(ctx, new ApiError(noSuchRoute("not found", ctx, routes), 404)));
        r.error(405, ctx -> Answers.error(ctx, new ApiError(noSuchRoute("method not allowed", ctx, routes), 405)));
    }

    private static String noSuchRoute(String what, Context ctx, List<String> routes) {
        return what + ": " + ctx.method() + " " + ctx.path() + " (the endpoints are " + String.join(", ", routes) + ")";
    }

    private static String message(HttpResponseException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "HTTP " + e.getStatus() : m;
    }
}
