package org.nanoguide.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The body of every error answer: {@code {"error": "...", "status": N}}, plus {@code errors}
 * when a request held several invalid cases. Messages are the CLI's; never a stack trace.
 */
@JsonPropertyOrder({"error", "status", "errors"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, int status, List<String> errors) {
    public ApiError {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ApiError(String error, int status) { this(error, status, List.of()); }
}
