package org.nanoguide.service;

import java.util.List;

/**
 * An answer other than 200, with the message the client sees. {@code closeConnection}: the
 * connection cannot be reused after it (a body was left unread), so the answer says so.
 * {@code retryAfterSeconds}, when above 0: when the client may try again (a temporary refusal).
 */
public final class ApiException extends RuntimeException {
    final int status;
    final List<String> errors;
    final boolean closeConnection;
    final int retryAfterSeconds;

    public ApiException(int status, String message) { this(status, message, List.of()); }

    public ApiException(int status, String message, List<String> errors) { this(status, message, errors, false, 0); }

    private ApiException(int status, String message, List<String> errors, boolean closeConnection, int retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.closeConnection = closeConnection;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The same answer, closing the connection after it. */
    ApiException closingConnection() { return new ApiException(status, getMessage(), errors, true, retryAfterSeconds); }

    /** The same answer, telling the client to retry after {@code seconds}. */
    ApiException retryingAfter(int seconds) { return new ApiException(status, getMessage(), errors, closeConnection, seconds); }

    ApiError body() { return new ApiError(getMessage(), status, errors); }
}
