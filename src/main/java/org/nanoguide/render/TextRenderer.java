package org.nanoguide.render;

import org.nanoguide.explain.Result;
import org.nanoguide.kb.References;
import org.nanoguide.model.NanoCase;

/** Plain text for a clinician at a terminal: advice first, then the why and why not. */
public final class TextRenderer {
    private TextRenderer() { }


    /**
     * The report with the bottom line first, the inputs the rules used ({@code given}; left out when
     * null), the findings, and the full references cited at the end.
     */
    public static String render(NanoCase given, Result r, References refs, boolean withTrace, boolean withQuotes) {
        StringBuilder sb = new StringBuilder();
        // the case's own text is printed on its line, escaped: it must not be able to forge report lines
        sb.append("Case ").append(Printable.line(r.caseId())).append('\n');
        if (r.description() != null && !r.description().isBlank()) {
            sb.append("  ").append(Words.CASE_NOTE).append(": ").append(Printable.line(r.description())).append('\n');
        }
        sb.append("  ").append(Result.DISCLAIMER).append('\n');
        sb.append("  Knowledge base ").append(r.knowledgeBase().version()).append(", ").append(r.knowledgeBase().rules())
                .append(" rules, ").append(r.knowledgeBase().fingerprint()).append("\n\n");
        overview(sb, given, r);

        if (r.recommendations().isEmpty()) {
            sb.append(Words.NONE_RECOMMENDED).append('\n');
        } else {
            sb.append("Recommended\n");
            for (Result.RankedRecommendation rec : r.recommendations()) {
                sb.append(String.format("  %d. %s  (certainty %s, %s)%n", rec.rank(), rec.summary(),
                        Words.percent(rec.certainty()), Words.evidence(rec.evidence())));
                sb.append("     ").append(rec.carrier()).append(" / ").append(rec.modality());
                if (!rec.targeting().isEmpty()) sb.append(" / ").append(rec.targeting());
                sb.append('\n');
                if (!rec.products().isEmpty()) sb.append("     product: ").append(String.join("; ", rec.products())).append('\n');
                for (Result.Citation c : rec.evidenceBasis()) line(sb, "evidence", c, withQuotes);
                for (Result.Citation c : rec.reasons()) line(sb, "because", c, withQuotes);
                for (Result.Citation c : rec.against()) line(sb, "against", c, withQuotes);
                for (Result.Citation c : rec.cautions()) line(sb, "caution", c, withQuotes);
            }
        }
        if (!r.considered().isEmpty()) {
            sb.append('\n').append(Words.CONSIDERED).append('\n');
            for (Result.RankedRecommendation rec : r.considered()) {
                sb.append(String.format("  - %s  (certainty %s, %s)%n", rec.summary(), Words.percent(rec.certainty()),
                        Words.evidence(rec.evidence())));
                for (Result.Citation c : rec.reasons()) line(sb, "because", c, withQuotes);
                for (Result.Citation c : rec.against()) line(sb, "against", c, withQuotes);
            }
        }
        if (!r.excluded().isEmpty()) {
            sb.append("\nExcluded\n");
            for (Result.ExcludedOption x : r.excluded()) {
                sb.append("  - ").append(Words.excludedWhat(x)).append('\n');
                for (Result.Citation c : x.reasons()) line(sb, "why not", c, withQuotes);
            }
        }
        if (!r.warnings().isEmpty()) {
            sb.append("\nWarnings\n");
            for (Result.CitedWarning w : r.warnings()) {
                sb.append("  ! ").append(w.code()).append(": ").append(Printable.line(w.text()))
                        .append("  [").append(w.ruleId()).append("; ").append(Words.cite(w.source())).append("]\n");
                if (withQuotes && Words.quote(w.source()) != null) sb.append("      review: ").append(Words.quote(w.source())).append('\n');
                if (withQuotes && Words.publicSource(w.source()) != null) sb.append("      source: ").append(Words.publicSource(w.source())).append('\n');
            }
        }
        java.util.SortedSet<Integer> cited = Words.citedRefs(r);
        cited.removeIf(n -> refs.get(n) == null);
        if (!cited.isEmpty()) {
            sb.append("\nReferences\n");
            for (int n : cited) sb.append("  [").append(n).append("] ").append(refs.get(n).replace("*", "")).append('\n');
        }
        if (withTrace && r.trace() != null) {
            sb.append("\nRules that fired, in order\n");
            int i = 1;
            for (Result.TraceStep t : r.trace()) {
                sb.append(String.format("  %3d %s%n      matched %s%n", i++, t.ruleId(), Printable.line(String.join("; ", t.facts()))));
            }
        } else {
            sb.append("\n").append(r.firings()).append(" rule firings led here (--trace to list them).\n");
        }
        return sb.toString();
    }

    /** The bottom line, what was understood of the case, the findings: what a reader needs before the options. */
    private static void overview(StringBuilder sb, NanoCase c, Result r) {
        if (!r.recommendations().isEmpty()) {
            Result.RankedRecommendation first = r.recommendations().get(0);
            sb.append("Bottom line\n  ").append(first.summary()).append('\n');
            sb.append("  ").append(Words.evidence(first.evidence()));
            if (!first.products().isEmpty()) sb.append("; product: ").append(String.join("; ", first.products()));
            sb.append("; ").append(Words.certainty(first.certainty())).append('\n');
            Result.Citation caution = Words.strongestCaution(first);
            if (caution != null) sb.append("  caution: ").append(Printable.line(caution.text())).append("  [").append(Words.cite(caution)).append("]\n");
            for (Result.CitedWarning w : r.warnings()) {
                if (Words.safety(w.code())) sb.append("  ! ").append(Printable.line(w.text())).append('\n');
            }
            sb.append("  (").append(Words.CERTAINTY_MEANING).append(")\n\n");
        }
        if (c != null) {
            java.util.List<Understood.Input> inputs = Understood.of(c);
            sb.append("What nanoguide understood\n");
            sb.append("  given:   ").append(join(inputs, Understood.Input::given, true)).append('\n');
            String defaults = join(inputs, Understood.Input::byDefault, true);
            if (!defaults.isEmpty()) sb.append("  default: ").append(defaults).append('\n');
            sb.append("  unknown: ").append(join(inputs, Understood.Input::unknown, false)).append("\n\n");
        }
        if (!r.findings().isEmpty()) {
            sb.append("Findings\n");
            for (Result.CitedFinding f : r.findings()) {
                sb.append("  - ").append(Printable.line(f.text())).append("  [").append(f.ruleId()).append("; ")
                        .append(Words.cite(f.source())).append("]\n");
            }
            sb.append('\n');
        }
    }

    private static String join(java.util.List<Understood.Input> inputs, java.util.function.Predicate<Understood.Input> which, boolean values) {
        return String.join(", ", inputs.stream().filter(which).map(i -> values ? i.path() + "=" + Printable.line(i.value()) : i.path()).toList());
    }

    private static void line(StringBuilder sb, String label, Result.Citation c, boolean withQuotes) {
        sb.append(String.format("     %-9s %s  [%s]%n", label + ":", Printable.line(c.text()), Words.cite(c)));
        if (withQuotes && Words.quote(c.source()) != null) sb.append("               review: ").append(Words.quote(c.source())).append('\n');
        if (withQuotes && Words.publicSource(c.source()) != null) sb.append("               source: ").append(Words.publicSource(c.source())).append('\n');
    }
}
