package org.nanoguide.kb;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One problem in the rule files: a compile error, or a lint finding.
 *
 * @param rule the name of the rule it is in, or null when it is outside any rule
 * @param kind what sort of problem, for code that treats some differently (not in the JSON)
 */
public record RuleProblem(Severity severity, String file, int line, int column, String rule, String message,
                          @JsonIgnore Kind kind) {
    /** What a problem is about; callers decide by this, never by the wording of the message. */
    public enum Kind {
        /** The Drools compiler rejected the rules (or there are none). */
        COMPILE,
        /** A vocabulary name that does not exist, such as {@code Carrier.GOLD_NANO}. */
        UNKNOWN_VOCABULARY,
        /** A missing or malformed label: {@code @id}, {@code @section}, {@code @refs}, {@code @strength}. */
        LABEL,
        /** A metadata key that is not one of the known ones. */
        UNKNOWN_METADATA,
        /** A rule that concludes with a strength but has no {@code @strength}. */
        MISSING_STRENGTH,
        /** The same threshold written as a bare number in several rules. */
        REPEATED_THRESHOLD,
        /** A malformed row of the product catalogue. */
        CATALOGUE,
        /** A {@code @quote} that is missing or does not match the review's text. */
        QUOTE,
        /** Code a rule may not hold: it would reach past the case's facts (System, files, reflection, loops...). */
        NOT_DATA,
        /** A condition that compares a field with a value no case and no rule can produce. */
        NEVER_MATCHES
    }

    public boolean isError() { return severity == Severity.ERROR; }

    /** The same problem with its file named otherwise (as the user can open it). */
    public RuleProblem inFile(String path) {
        return new RuleProblem(severity, path, line, column, rule, message, kind);
    }

    /** {@code file:line:column: severity: message [in rule "name"]}, as compilers print it. */
    @Override
    public String toString() {
        return file + ":" + Math.max(line, 0) + ":" + Math.max(column, 0) + ": " + severity + ": " + message
                + (rule == null ? "" : " (in rule \"" + rule + "\")");
    }
}
