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
    final List<ApiError.Problem> problems;
    final boolean closeConnection;
    final int retryAfterSeconds;

    public ApiException(int status, String message) { this(status, message, List.of()); }

    public ApiException(int status, String message, List<String> errors) { this(status, message, errors, List.of(), false, 0); }

    /** A refusal of cases: {@code problems} are those of {@code errors} (or of the message alone), field by field. */
    ApiException(int status, String message, List<String> errors, List<ApiError.Problem> problems) {
        this(status, message, errors, problems, false, 0);
    }

    private ApiException(int status, String message, List<String> errors, List<ApiError.Problem> problems,
                         boolean closeConnection, int retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.problems = List.copyOf(problems);
        this.closeConnection = closeConnection;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The same answer, closing the connection after it. */
    ApiException closingConnection() { return new ApiException(status, getMessage(), errors, problems, true, retryAfterSeconds); }

    /** The same answer, telling the client to retry after {@code seconds}. */
    ApiException retryingAfter(int seconds) { return new ApiException(status, getMessage(), errors, problems, closeConnection, seconds); }

    ApiError body() { return new ApiError(getMessage(), status, errors, problems); }
}
