package org.nanoguide.kb;

/**
 * One problem in the rule files: a compile error, or a lint finding.
 *
 * @param severity {@code error} or {@code warning}
 * @param rule     the name of the rule it is in, or null when it is outside any rule
 */
public record RuleProblem(String severity, String file, int line, int column, String rule, String message) {
    public boolean isError() { return "error".equals(severity); }

    /** {@code file:line:column: severity: message [in rule "name"]}, as compilers print it. */
    @Override
    public String toString() {
        return file + ":" + Math.max(line, 0) + ":" + Math.max(column, 0) + ": " + severity + ": " + message
                + (rule == null ? "" : " (in rule \"" + rule + "\")");
    }
}
