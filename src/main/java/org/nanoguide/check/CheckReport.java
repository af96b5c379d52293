package org.nanoguide.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.nanoguide.kb.RuleProblem;

/**
 * What {@code nanoguide check} found: compile errors, lint findings, each example case's
 * outcome, rule coverage over those cases, and support overridden by an exclusion.
 *
 * @param exitCode 0 clean (or warnings or a version reminder only, without --strict); 1 lint errors,
 *                 failing cases, or warnings or a version reminder with --strict; 2 the rules do not compile
 * @param quotes   one line: how the rules' quotes were verified against the review, or that they were not
 * @param versionReminder that the rules changed but the knowledge base's version did not, with
 *                 what to write; null when the version is current ({@link VersionReminder})
 */
@JsonPropertyOrder({"status", "exitCode", "rules", "compileErrors", "lint", "cases", "coverage", "conflicts", "quotes", "versionReminder"})
public record CheckReport(
        CheckStatus status,
        int exitCode,
        RulesSummary rules,
        List<RuleProblem> compileErrors,
        List<RuleProblem> lint,
        CasesSummary cases,
        List<RuleCoverage> coverage,
        List<Conflict> conflicts,
        String quotes,
        @JsonInclude(JsonInclude.Include.NON_NULL) String versionReminder) {

    /** A report from before quotes were verified: says so. */
    public CheckReport(CheckStatus status, int exitCode, RulesSummary rules, List<RuleProblem> compileErrors, List<RuleProblem> lint,
                       CasesSummary cases, List<RuleCoverage> coverage, List<Conflict> conflicts) {
        this(status, exitCode, rules, compileErrors, lint, cases, coverage, conflicts, new QuoteCheck.Summary(null, 0, 0, 0).line(), null);
    }

    @JsonPropertyOrder({"origin", "files", "rules", "version", "fingerprint"})
    public record RulesSummary(String origin, int files, int rules, String version, String fingerprint) { }

    @JsonPropertyOrder({"run", "passed", "failed", "skipped", "results"})
    public record CasesSummary(int run, int passed, int failed, int skipped, List<CaseOutcome> results) { }

    /**
     * One case and how it fared.
     */
    @JsonPropertyOrder({"source", "caseId", "status", "failures", "note"})
    public record CaseOutcome(String source, String caseId, CaseStatus status, List<String> failures, String note) { }

    /** How often a rule fired over the cases run, and in how many of them. */
    @JsonPropertyOrder({"ruleId", "rule", "location", "firings", "cases"})
    public record RuleCoverage(String ruleId, String rule, String location, int firings, int cases) { }

    /** A carrier supported by some rules and excluded by others on one case; the exclusion won. */
    @JsonPropertyOrder({"caseId", "source", "carrier", "modality", "excludedBy", "overrides"})
    public record Conflict(String caseId, String source, String carrier, String modality, List<String> excludedBy, List<String> overrides) { }

    public long errors() {
        return compileErrors.size() + lint.stream().filter(RuleProblem::isError).count();
    }

    public long warnings() {
        return lint.stream().filter(p -> !p.isError()).count();
    }
}
