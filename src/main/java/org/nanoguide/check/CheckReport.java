package org.nanoguide.check;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.nanoguide.kb.RuleProblem;

/**
 * Everything {@code nanoguide check} found: compile errors, lint, regression cases, rule coverage
 * and conflicts. {@link #exitCode()}: 0 clean; 1 lint errors, failing or rejected cases (or, with
 * strict, warnings); 2 the rules do not compile.
 */
@JsonPropertyOrder({"status", "exitCode", "rules", "compileErrors", "lint", "cases", "coverage", "neverFired", "conflicts"})
public record CheckReport(
        RulesSummary rules,
        List<RuleProblem> compileErrors,
        List<RuleProblem> lint,
        List<CaseCheck> cases,
        int casesWithoutExpected,
        List<RuleCoverage> coverage,
        List<Conflict> conflicts,
        boolean strict) {

    public record RulesSummary(String folder, int count, String version, String fingerprint) { }

    /** One case with an expected block: pass, fail (failures say expected beside got), rejected or failed to evaluate. */
    @JsonPropertyOrder({"source", "caseId", "status", "failures"})
    public record CaseCheck(String source, String caseId, String status, List<String> failures) { }

    @JsonPropertyOrder({"id", "name", "file", "line", "fired", "cases"})
    public record RuleCoverage(String id, String name, String file, int line, int fired, int cases) { }

    /** Support that an exclusion overrode on one case: the exclusion wins; the author should still see it. */
    @JsonPropertyOrder({"caseId", "carrier", "modality", "supportedBy", "excludedBy"})
    public record Conflict(String caseId, String carrier, String modality, List<String> supportedBy, List<String> excludedBy) { }

    public long lintErrors() { return lint.stream().filter(RuleProblem::isError).count(); }

    public long lintWarnings() { return lint.size() - lintErrors(); }

    public long failingCases() { return cases.stream().filter(c -> !c.status().equals("pass")).count(); }

    public List<RuleCoverage> neverFired() { return coverage.stream().filter(c -> c.fired() == 0).toList(); }

    public int exitCode() {
        if (!compileErrors.isEmpty()) return 2;
        if (lintErrors() > 0 || failingCases() > 0) return 1;
        if (strict && lintWarnings() > 0) return 1;
        return 0;
    }

    public String status() { return exitCode() == 0 ? "ok" : "failed"; }
}
