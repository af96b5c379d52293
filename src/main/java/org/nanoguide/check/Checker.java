package org.nanoguide.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.nanoguide.Nanoguide;
import org.nanoguide.engine.Engine;
import org.nanoguide.engine.Evaluation;
import org.nanoguide.engine.EvaluationException;
import org.nanoguide.engine.Firing;
import org.nanoguide.explain.Explainer;
import org.nanoguide.explain.Result;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.KnowledgeBaseLoader;
import org.nanoguide.kb.RuleFiles;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.kb.RuleProblem;
import org.nanoguide.kb.RulesInvalidException;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.CaseSources;
import org.nanoguide.model.NanoCase;

/**
 * {@code nanoguide check}: compiles the rules, lints them, runs every case that has an
 * {@code expected} block, and reports coverage and conflicts. Decides nothing medical.
 */
public final class Checker {
    private Checker() { }

    /**
     * @param files  the rule files
     * @param inputs case files or folders; cases without an {@code expected} block are skipped
     * @param strict warnings fail the check too
     */
    public static CheckReport check(RuleFiles files, List<String> inputs, boolean strict) {
        return check(files, inputs, strict, null);
    }

    /** @param review the review's text to verify every rule's {@code @quote} against; null: quotes are not verified */
    public static CheckReport check(RuleFiles files, List<String> inputs, boolean strict, org.nanoguide.review.Review review) {
        List<RuleProblem> lint = place(files, Lint.run(files));
        String quotes = new QuoteCheck.Summary(null, 0, 0, 0).line();
        if (review != null) {
            QuoteCheck.Outcome q = QuoteCheck.run(files, review);
            lint = new ArrayList<>(lint);
            lint.addAll(place(files, q.problems()));
            quotes = q.summary().line();
        }
        KnowledgeBase kb;
        List<RuleProblem> compile = List.of();
        try {
            kb = KnowledgeBaseLoader.compile(files);
        } catch (RulesInvalidException e) {
            kb = null;
            compile = place(files, withoutVocabularyNoise(e.problems(), Lint.run(files)));
        }
        if (kb != null) {
            lint = new ArrayList<>(lint);
            lint.addAll(place(files, ImpossibleValues.run(org.nanoguide.kb.RuleSource.of(files), kb.products())));
            lint.sort(java.util.Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
        }
        var summary = new CheckReport.RulesSummary(files.origin(), files.drlFiles().size(), kb == null ? 0 : kb.ruleCount(),
                files.properties().getProperty("version", "unversioned"), files.fingerprint());
        if (kb == null) {
            return new CheckReport(CheckStatus.DOES_NOT_COMPILE, 2, summary, compile, lint,
                    new CheckReport.CasesSummary(0, 0, 0, 0, List.of()), List.of(), List.of(), quotes, VersionReminder.of(files));
        }
        Engine engine = new Engine();
        /* How often a rule fired over the cases, and in how many of them. */
        final class Count {
            int firings;
            int cases;
        }
        Map<RuleInfo, Count> counts = new LinkedHashMap<>();
        for (RuleInfo r : kb.rules()) counts.put(r, new Count());
        List<CheckReport.CaseOutcome> outcomes = new ArrayList<>();
        List<CheckReport.Conflict> conflicts = new ArrayList<>();
        Set<String> ruleIds = kb.rules().stream().map(RuleInfo::id).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        int skipped = 0;
        CaseSources sources = new CaseSources(Nanoguide.reader(), inputs, java.io.InputStream.nullInputStream());
        while (sources.hasNext()) {
            CaseInput in = sources.next();
            if (in instanceof CaseInput.Rejected r) {
                outcomes.add(new CheckReport.CaseOutcome(in.source(), null, CaseStatus.REJECTED, List.of(r.message()), null));
                continue;
            }
            NanoCase c = ((CaseInput.Valid) in).value();
            if (c.expected() == null) {
                skipped++;
                continue;
            }
            Evaluation ev;
            try {
                ev = engine.evaluate(kb, c, true);
            } catch (EvaluationException e) {
                outcomes.add(new CheckReport.CaseOutcome(in.source(), c.id(), CaseStatus.ERROR, List.of(e.getMessage()), c.expected().note()));
                continue;
            }
            Set<RuleInfo> fired = new HashSet<>();
            for (Firing f : ev.trace()) {
                Count n = counts.get(f.rule());
                if (n == null) continue;
                n.firings++;
                if (fired.add(f.rule())) n.cases++;
            }
            Result result = Explainer.explain(ev);
            List<String> failures = Expectations.failures(c.expected(), result, ruleIds);
            outcomes.add(new CheckReport.CaseOutcome(in.source(), c.id(), failures.isEmpty() ? CaseStatus.PASSED : CaseStatus.FAILED, failures, c.expected().note()));
            for (Result.ExcludedOption x : result.excluded()) {
                if (x.overrides().isEmpty()) continue;
                KnowledgeBase k = kb;
                conflicts.add(new CheckReport.Conflict(c.id(), in.source(), x.carrier().name(),
                        x.modality() == null ? null : x.modality().name(),
                        x.reasons().stream().map(Result.Citation::ruleId).distinct().map(id -> withLocation(k, id)).toList(),
                        x.overrides().stream().map(id -> withLocation(k, id)).toList()));
            }
        }
        List<CheckReport.RuleCoverage> coverage = new ArrayList<>();
        counts.forEach((r, n) -> coverage.add(new CheckReport.RuleCoverage(r.id(), r.name(), location(files, r), n.firings, n.cases)));
        int passed = (int) outcomes.stream().filter(o -> o.status() == CaseStatus.PASSED).count();
        var cases = new CheckReport.CasesSummary(outcomes.size(), passed, outcomes.size() - passed, skipped, outcomes);
        boolean lintErrors = lint.stream().anyMatch(RuleProblem::isError);
        boolean warnings = lint.stream().anyMatch(p -> !p.isError());
        String reminder = VersionReminder.of(files);
        CheckStatus status;
        int exit;
        if (lintErrors || cases.failed() > 0) {
            status = CheckStatus.FAILED;
            exit = 1;
        } else if (warnings) {
            status = CheckStatus.WARNINGS;
            exit = strict ? 1 : 0;
        } else if (reminder != null) {
            // a reminder, not a problem of the rules: it fails only a --strict check (before a release, in CI)
            status = CheckStatus.CLEAN;
            exit = strict ? 1 : 0;
        } else {
            status = CheckStatus.CLEAN;
            exit = 0;
        }
        return new CheckReport(status, exit, summary, List.of(), lint, cases, coverage, conflicts, quotes, reminder);
    }

    private static String withLocation(KnowledgeBase kb, String id) {
        return kb.rule(id).map(r -> id + " (" + location(kb.files(), r) + ")").orElse(id);
    }

    /** Where a rule is written, as the user can open it. */
    public static String location(RuleFiles files, RuleInfo r) {
        return files.pathOf(r.file()) + ":" + r.line();
    }

    static List<RuleProblem> place(RuleFiles files, List<RuleProblem> problems) {
        return problems.stream().map(p -> p.file().equals(files.origin()) ? p : p.inFile(files.pathOf(p.file()))).toList();
    }

    /**
     * When the lint already explains an unknown vocabulary name in a rule, the compiler's own
     * message about that rule is noise: keep the clear one.
     */
    static List<RuleProblem> withoutVocabularyNoise(List<RuleProblem> compile, List<RuleProblem> lint) {
        Set<String> explained = lint.stream().filter(p -> p.isError() && p.kind() == RuleProblem.Kind.UNKNOWN_VOCABULARY)
                .map(p -> p.file() + "\u0000" + p.rule()).collect(Collectors.toSet());
        List<RuleProblem> kept = compile.stream().filter(p -> !explained.contains(p.file() + "\u0000" + p.rule())).toList();
        return kept;
    }
}
