package org.nanoguide.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.nanoguide.render.JsonRenderer;

/**
 * Errors Jetty answers itself, before a request reaches the routes (a malformed request, headers
 * too large): the same {@link ApiError} JSON as every other error, never an HTML page or a stack.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, Answers.JSON);

    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    static byte[] body(int status, String message) {
        String m = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        return JsonRenderer.compact(new ApiError(m.toLowerCase(java.util.Locale.ROOT), status)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        Object attr = request.getAttribute(ERROR_STATUS);
        if (attr instanceof Integer s) status = s;
        if (status < 400) status = 500;
        Object message = request.getAttribute(ERROR_MESSAGE);
        response.setStatus(status);
        response.getHeaders().put(JSON);
        response.write(true, ByteBuffer.wrap(body(status, message == null ? null : message.toString())), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        return ByteBuffer.wrap(body(status, reason));
    }
}
