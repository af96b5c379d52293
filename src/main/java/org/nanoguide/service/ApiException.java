package org.nanoguide.service;

import java.util.List;

/** An answer other than 200, with the message the client sees. */
final class ApiException extends RuntimeException {
    final int status;
    final List<String> errors;

    ApiException(int status, String message) { this(status, message, List.of()); }

    ApiException(int status, String message, List<String> errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    ApiError body() { return new ApiError(getMessage(), status, errors); }
}
