package org.nanoguide.whatif;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nanoguide.Nanoguide;
import org.nanoguide.engine.EvaluationException;
import org.nanoguide.explain.Result;
import org.nanoguide.model.CaseInput;

/**
 * What a rule edit changes: every case evaluated under two rule sets, and for each case whose
 * advice differs, how (the kinds of {@link Comparison}). The summary counts, for each kind, the
 * cases that changed that way.
 */
public final class RuleDiff {
    private RuleDiff() { }

    @JsonPropertyOrder({"version", "fingerprint", "rules"})
    public record Rules(String version, String fingerprint, int rules) { }

    @JsonPropertyOrder({"caseId", "source", "changes"})
    public record CaseChanges(String caseId, String source, List<Change> changes) {
        public CaseChanges {
            changes = List.copyOf(changes);
        }
    }

    /**
     * @param cases    cases evaluated under both rule sets
     * @param changed  cases whose advice changed
     * @param summary  for each kind of change, how many cases changed that way
     * @param changes  each changed case and how, in input order
     * @param problems inputs that could not be read or evaluated, one message each
     */
    @JsonPropertyOrder({"base", "rules", "certaintyDelta", "cases", "changed", "summary", "changes", "problems"})
    public record Report(Rules base, Rules rules, double certaintyDelta, long cases, long changed,
                         Map<Change.Kind, Integer> summary, List<CaseChanges> changes, List<String> problems) {
        public Report {
            summary = Map.copyOf(summary);
            changes = List.copyOf(changes);
            problems = List.copyOf(problems);
        }
    }

    /** Evaluates every input under both rule sets; {@code problem} hears of each input that could not be, as it happens. */
    public static Report compare(Nanoguide base, Nanoguide edited, Iterator<CaseInput> inputs, double certaintyDelta,
                                 Consumer<String> problem) {
        long cases = 0;
        Map<Change.Kind, Integer> summary = new EnumMap<>(Change.Kind.class);
        List<CaseChanges> changes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        while (inputs.hasNext()) {
            CaseInput in = inputs.next().resolve();
            if (in instanceof CaseInput.Rejected r) {
                problems.add(r.message());
                problem.accept(r.message());
                continue;
            }
            CaseInput.Valid v = (CaseInput.Valid) in;
            Result before;
            Result after;
            try {
                before = base.evaluate(v.value());
                after = edited.evaluate(v.value());
            } catch (EvaluationException e) {
                String msg = v.source() + ": case " + v.value().id() + ": " + e.getMessage();
                problems.add(msg);
                problem.accept(msg);
                continue;
            }
            cases++;
            List<Change> diff = Comparison.compare(before, after, certaintyDelta);
            if (diff.isEmpty()) continue;
            changes.add(new CaseChanges(v.value().id(), v.source(), diff));
            diff.stream().map(Change::kind).distinct().forEach(k -> summary.merge(k, 1, Integer::sum));
        }
        return new Report(ref(base), ref(edited), certaintyDelta, cases, changes.size(), summary, changes, problems);
    }

    private static Rules ref(Nanoguide g) {
        return new Rules(g.version(), g.fingerprint(), g.knowledgeBase().ruleCount());
    }

    /** The report for people: each changed case and how, then the summary by kind. */
    public static String text(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Base rules   ").append(r.base().version()).append(", ").append(r.base().rules()).append(" rules, ").append(r.base().fingerprint()).append('\n');
        sb.append("Edited rules ").append(r.rules().version()).append(", ").append(r.rules().rules()).append(" rules, ").append(r.rules().fingerprint()).append("\n\n");
        for (CaseChanges c : r.changes()) {
            sb.append(c.caseId()).append("  (").append(c.source()).append(")\n");
            for (Change ch : c.changes()) sb.append(String.format("  %-17s %s%n", label(ch.kind()), ch.text()));
        }
        if (!r.changes().isEmpty()) sb.append('\n');
        sb.append(r.cases()).append(" case").append(r.cases() == 1 ? "" : "s").append(" evaluated under both rule sets, ")
                .append(r.changed()).append(" changed");
        if (!r.summary().isEmpty()) {
            sb.append(":");
            for (Change.Kind k : Change.Kind.values()) {
                Integer n = r.summary().get(k);
                if (n != null) sb.append("\n  ").append(String.format("%-17s %d case%s", label(k), n, n == 1 ? "" : "s"));
            }
        }
        sb.append("\n(certainty changes of more than ").append(Math.round(r.certaintyDelta() * 100)).append(" points count)\n");
        return sb.toString();
    }

    static String label(Change.Kind k) {
        return k.name().toLowerCase().replace('_', ' ');
    }
}
