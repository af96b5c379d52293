package org.nanoguide.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.nanoguide.model.CaseProblem;

/**
 * The body of every error answer: {@code {"error": "...", "status": N}}, plus {@code errors}
 * when a request held several problems, and {@code problems} when its cases were refused: the
 * same problems, each in fields a program can read. Messages are the CLI's; never a stack trace.
 */
@JsonPropertyOrder({"error", "status", "errors", "problems"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, int status, List<String> errors, List<Problem> problems) {
    public ApiError {
        errors = errors == null ? List.of() : List.copyOf(errors);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public ApiError(String error, int status) { this(error, status, List.of(), List.of()); }

    /**
     * One problem of a refused case.
     *
     * @param caseIndex which case of the body (0-based), when the body holds an array or CSV rows; else null
     * @param source    where the case came from, as {@code errors} names it ({@code request[1]}, {@code request: row 2, column 3 (tumor.type)})
     * @param path      the JSON path of the problem, or null when it concerns the whole input
     * @param line      the line in the body (1-based), or null when not known (always for CSV)
     * @param column    the column in that line (1-based), or null with the line
     * @param code      what kind of problem ({@link CaseProblem#code()}), or null when it has none
     * @param message   what is wrong and what to write instead, without the place
     */
    @JsonPropertyOrder({"case", "source", "path", "line", "column", "code", "message"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(@JsonProperty("case") Long caseIndex, String source, String path, Long line, Long column,
                          String code, String message) {
        /** {@code p}, of the case at {@code caseIndex} (null when the body holds a single case). */
        static Problem of(Long caseIndex, CaseProblem p) {
            boolean placed = p.line() > 0;
            return new Problem(caseIndex, p.source(), p.path(), placed ? p.line() : null, placed ? p.column() : null,
                    p.code(), p.detail());
        }
    }
}
