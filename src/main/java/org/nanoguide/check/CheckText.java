package org.nanoguide.check;

import java.util.List;
import java.util.Locale;
import org.nanoguide.kb.RuleProblem;

/** {@code nanoguide check}'s report as plain text for the person who edits the rules. */
public final class CheckText {
    private CheckText() { }

    public static String render(CheckReport r) {
        StringBuilder sb = new StringBuilder();
        var rules = r.rules();
        sb.append("nanoguide check: ").append(rules.origin()).append(" (").append(rules.files()).append(" rule file")
                .append(rules.files() == 1 ? "" : "s").append(", knowledge base ").append(rules.version()).append(")\n\n");

        sb.append("1. Do the rules compile? ");
        if (r.status() == CheckStatus.DOES_NOT_COMPILE) {
            sb.append("NO. Fix these first (file:line:column: problem):\n");
            for (RuleProblem p : r.compileErrors()) sb.append("   ").append(p).append('\n');
            List<RuleProblem> vocab = r.lint().stream().filter(p -> p.isError() && p.kind() == RuleProblem.Kind.UNKNOWN_VOCABULARY).toList();
            for (RuleProblem p : vocab) sb.append("   ").append(p).append('\n');
            List<RuleProblem> rest = r.lint().stream().filter(p -> !vocab.contains(p)).toList();
            if (!rest.isEmpty()) {
                sb.append("\n   Labels and style, to fix as well:\n");
                for (RuleProblem p : rest) sb.append("   ").append(p).append('\n');
            }
            sb.append("\nThe cases were not run because the rules do not compile.\n");
            sb.append(verdict(r));
            return sb.toString();
        }
        sb.append("yes, ").append(rules.rules()).append(" rules.\n\n");

        long le = r.lint().stream().filter(RuleProblem::isError).count();
        long lw = r.lint().size() - le;
        sb.append("2. Are the rules well labelled? ");
        if (r.lint().isEmpty()) {
            sb.append("yes: every rule has a unique @id, a @section and @refs, and names only known carriers and codes.\n\n");
        } else {
            sb.append(le).append(" error").append(le == 1 ? "" : "s").append(", ").append(lw).append(" warning").append(lw == 1 ? "" : "s").append(":\n");
            for (RuleProblem p : r.lint()) sb.append("   ").append(p).append('\n');
            sb.append('\n');
        }

        var cases = r.cases();
        sb.append("3. Do the example cases give the expected advice? ");
        if (cases.run() == 0) {
            sb.append("no case with an expected block was found").append(cases.skipped() > 0 ? " (" + cases.skipped() + " without one skipped)" : "").append(".\n\n");
        } else {
            sb.append(cases.failed() == 0 ? "yes, " : "").append(cases.passed()).append(" of ").append(cases.run()).append(" pass")
                    .append(cases.skipped() > 0 ? " (" + cases.skipped() + " without an expected block skipped)" : "").append(cases.failed() == 0 ? ".\n" : ":\n");
            for (CheckReport.CaseOutcome o : cases.results()) {
                if (o.status() == CaseStatus.PASSED) continue;
                sb.append("   ").append(o.status().name()).append("  ").append(o.source())
                        .append(o.caseId() == null ? "" : " (case " + o.caseId() + ")").append('\n');
                for (String f : o.failures()) sb.append("         ").append(f).append('\n');
                if (o.note() != null && !o.note().isBlank()) sb.append("         why this was expected: ").append(o.note()).append('\n');
            }
            sb.append('\n');
        }

        if (cases.run() > 0) {
            long firedRules = r.coverage().stream().filter(c -> c.firings() > 0).count();
            sb.append("4. Rule coverage over ").append(cases.run()).append(" case").append(cases.run() == 1 ? "" : "s").append(": ")
                    .append(firedRules).append(" of ").append(r.coverage().size()).append(" rules fired.\n");
            sb.append(String.format(Locale.ROOT, "   %7s %6s  %-44s %s%n", "firings", "cases", "rule id", "where"));
            for (CheckReport.RuleCoverage c : r.coverage()) {
                if (c.firings() == 0) continue;
                sb.append(String.format(Locale.ROOT, "   %7d %6d  %-44s %s%n", c.firings(), c.cases(), c.ruleId() == null ? "\"" + c.rule() + "\"" : c.ruleId(), c.location()));
            }
            List<CheckReport.RuleCoverage> never = r.coverage().stream().filter(c -> c.firings() == 0).toList();
            if (!never.isEmpty()) {
                sb.append("   Never fired on these cases (add a case that needs them, or check their conditions):\n");
                for (CheckReport.RuleCoverage c : never) {
                    sb.append(String.format(Locale.ROOT, "      %-44s %s  \"%s\"%n", c.ruleId() == null ? "(no id)" : c.ruleId(), c.location(), c.rule()));
                }
            }
            sb.append('\n');
            sb.append("5. Conflicts (a carrier some rule supports and another excludes; the exclusion wins): ");
            if (r.conflicts().isEmpty()) {
                sb.append("none.\n\n");
            } else {
                sb.append(r.conflicts().size()).append('\n');
                for (CheckReport.Conflict c : r.conflicts()) {
                    sb.append("   case ").append(c.caseId() == null ? c.source() : c.caseId()).append(": ").append(c.carrier())
                            .append(c.modality() == null ? "" : " for " + c.modality()).append('\n')
                            .append("      supported by ").append(String.join(", ", c.overrides())).append('\n')
                            .append("      excluded by  ").append(String.join(", ", c.excludedBy())).append('\n');
                }
                sb.append('\n');
            }
        }
        sb.append(verdict(r));
        return sb.toString();
    }

    static String verdict(CheckReport r) {
        String version = r.versionReminder() == null ? "" : "Version: " + r.versionReminder() + ".\n";
        return (r.quotes() == null ? "" : "Quotes: " + r.quotes() + ".\n") + version + switch (r.status()) {
            case CLEAN -> r.versionReminder() == null ? "Result: all clean (exit 0).\n"
                    : "Result: all clean but the version (exit " + r.exitCode() + (r.exitCode() == 0 ? "; --strict makes it fail" : "") + ").\n";
            case WARNINGS -> "Result: no errors, " + r.warnings() + " warning" + (r.warnings() == 1 ? "" : "s")
                    + " (exit " + r.exitCode() + (r.exitCode() == 0 ? "; --strict makes warnings fail" : "") + ").\n";
            case DOES_NOT_COMPILE -> "Result: the rules do not compile (exit 2).\n";
            case FAILED -> "Result: FAILED: " + r.errors() + " error" + (r.errors() == 1 ? "" : "s") + ", "
                    + r.cases().failed() + " failing case" + (r.cases().failed() == 1 ? "" : "s") + " (exit 1).\n";
        };
    }
}
