package org.nanoguide.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nanoguide.Nanoguide;
import org.nanoguide.engine.EvaluationException;
import org.nanoguide.explain.Result;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.KnowledgeBaseLoader;
import org.nanoguide.kb.RuleFiles;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.kb.RuleProblem;
import org.nanoguide.kb.RulesInvalidException;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.NanoCase;

/** Runs every check of {@code nanoguide check} over a rules folder and a set of cases. */
public final class Checker {
    private Checker() { }

    public static CheckReport run(RuleFiles files, Iterator<CaseInput> cases, boolean strict) {
        List<RuleProblem> lint = new ArrayList<>(Lint.vocabulary(files));
        KnowledgeBase kb;
        try {
            kb = KnowledgeBaseLoader.compile(files);
        } catch (RulesInvalidException e) {
            // a value outside a vocabulary also breaks the compile: say it once, in the clearer words
            List<RuleProblem> errors = new ArrayList<>(lint);
            for (RuleProblem p : e.problems()) {
                boolean said = lint.stream().anyMatch(v -> v.file().equals(p.file())
                        && p.message().contains(v.message().substring(v.message().indexOf('.') + 1, v.message().indexOf(' '))));
                if (!said) errors.add(p);
            }
            errors.sort(java.util.Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
            return new CheckReport(new CheckReport.RulesSummary(files.origin(), 0, null, null), errors, List.of(),
                    List.of(), 0, List.of(), List.of(), strict);
        }
        lint.addAll(Lint.rules(kb));

        Nanoguide guide = Nanoguide.of(kb);
        Map<String, int[]> fired = new HashMap<>();
        List<CheckReport.CaseCheck> checks = new ArrayList<>();
        List<CheckReport.Conflict> conflicts = new ArrayList<>();
        int withoutExpected = 0;
        while (cases.hasNext()) {
            CaseInput in = cases.next();
            if (in instanceof CaseInput.Rejected r) {
                checks.add(new CheckReport.CaseCheck(r.source(), null, "rejected", List.of(r.message())));
                continue;
            }
            NanoCase c = ((CaseInput.Valid) in).value();
            if (c.expected() == null) {
                withoutExpected++;
                continue;
            }
            Result result;
            try {
                result = guide.evaluate(c);
            } catch (EvaluationException e) {
                checks.add(new CheckReport.CaseCheck(in.source(), c.id(), "failed", List.of(e.getMessage())));
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (Result.TraceStep t : result.trace()) {
                int[] counts = fired.computeIfAbsent(t.ruleId(), k -> new int[2]);
                counts[0]++;
                if (seen.add(t.ruleId())) counts[1]++;
            }
            List<String> failures = Expectations.failures(c.expected(), result);
            checks.add(new CheckReport.CaseCheck(in.source(), c.id(), failures.isEmpty() ? "pass" : "fail", failures));
            for (Result.ExcludedOption x : result.excluded()) {
                if (!x.overrides().isEmpty()) {
                    conflicts.add(new CheckReport.Conflict(c.id(), x.carrier().name(), x.modality() == null ? null : x.modality().name(),
                            x.overrides(), x.reasons().stream().map(Result.Citation::ruleId).distinct().toList()));
                }
            }
        }
        List<CheckReport.RuleCoverage> coverage = new ArrayList<>();
        for (RuleInfo r : kb.rules()) {
            String id = r.id() != null ? r.id() : r.name();
            int[] counts = fired.getOrDefault(id, new int[2]);
            coverage.add(new CheckReport.RuleCoverage(id, r.name(), r.file(), r.line(), counts[0], counts[1]));
        }
        return new CheckReport(new CheckReport.RulesSummary(files.origin(), kb.ruleCount(), kb.version(), kb.fingerprint()),
                List.of(), lint, checks, withoutExpected, coverage, conflicts, strict);
    }
}
