package org.nanoguide.service;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.nanoguide.render.JsonRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How every endpoint answers: JSON in UTF-8, errors as {@link ApiError}. */
final class Answers {
    private static final Logger LOG = LoggerFactory.getLogger(Answers.class);
    static final String JSON = "application/json; charset=utf-8";

    private Answers() { }

    static void json(Context ctx, String body) { ctx.contentType(JSON).result(body); }

    static void json(Context ctx, byte[] body) { ctx.contentType(JSON).result(body); }

    /** Writes {@code results} as one JSON answer, an array or the single result: see {@link #write}. */
    static void json(Context ctx, List<byte[]> results, boolean array, long length) {
        write(ctx.contentType(JSON), results, array, length);
    }

    /**
     * Writes {@code parts} as the answer, straight to the response with its exact length: a JSON
     * array ({@code array}: brackets around, a comma between two), or the parts one after the
     * other. The answer is never concatenated into a second copy, and each part is released (its
     * slot set to null) once written, so a client that reads slowly holds only what it has not
     * read yet. Everything that can refuse the answer has run before the first byte; a client that
     * goes away mid-answer only ends its own connection.
     *
     * @param length the answer's size in bytes, as {@link AnswerSize} added it up
     */
    static void write(Context ctx, List<byte[]> parts, boolean array, long length) {
        HttpServletResponse res = ctx.res();
        res.setContentLengthLong(length);
        try {
            OutputStream out = res.getOutputStream();
            if (array) out.write('[');
            for (int i = 0; i < parts.size(); i++) {
                if (array && i > 0) out.write(',');
                out.write(parts.set(i, null));
            }
            if (array) out.write(']');
            out.flush();
        } catch (IOException e) {
            // the client stopped reading (or the idle timeout cut it): nobody is left to tell
            LOG.info("{} {}: the client went away mid-answer ({})", ctx.method(), ctx.path(), e.toString());
        }
    }

    /** What a request that ran out of memory gets. */
    static ApiException outOfMemory() {
        return new ApiException(503, "the service ran out of memory for this request; send fewer cases per request or retry later");
    }

    static void error(Context ctx, ApiError error) {
        ctx.status(error.status()).contentType(JSON).result(JsonRenderer.compact(error));
    }
}
