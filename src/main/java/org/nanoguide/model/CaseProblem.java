package org.nanoguide.model;

/**
 * One thing wrong with a case, where a person can find it: the input it came from, the JSON path
 * inside it and, when known, the line and column (1-based; 0 when not known).
 *
 * @param source where the case came from ({@code cases/x.json}, {@code stdin:12}, {@code request[1]})
 * @param path   the JSON path of the problem ({@code $.tumor.receptors.ER}), or null for the whole input
 * @param detail what is wrong and, where it can say, what to write instead
 * @param code   what kind of problem, for programs, or null when it has none: the JSON Schema
 *               keyword the case fails ({@code required}, {@code enum}, {@code type},
 *               {@code additionalProperties}, ...), {@link #SYNTAX} or {@link #NOT_JSON}
 */
public record CaseProblem(String source, String path, long line, long column, String detail, String code) {
    /** The input is JSON with a syntax error. */
    public static final String SYNTAX = "syntax";
    /** The input is not JSON at all (CSV, XML, a spreadsheet). */
    public static final String NOT_JSON = "notJson";

    /** A problem with no code. */
    public CaseProblem(String source, String path, long line, long column, String detail) {
        this(source, path, line, column, detail, null);
    }

    /** The problem on one line: {@code source: path: detail (line L, column C)}. */
    @Override
    public String toString() {
        return source + ": " + (path == null ? "" : path + ": ") + detail
                + (line > 0 ? " (line " + line + ", column " + column + ")" : "");
    }
}
