package org.nanoguide.render;

import org.nanoguide.explain.Result;

/** Plain text for a clinician at a terminal: advice first, then the why and why not. */
public final class TextRenderer {
    private TextRenderer() { }

    /** @param withQuotes print under each reason the review's sentences its rule rests on */
    public static String render(Result r, boolean withTrace, boolean withQuotes) {
        StringBuilder sb = new StringBuilder();
        // the case's own text is printed on its line, escaped: it must not be able to forge report lines
        sb.append("Case ").append(Printable.line(r.caseId()));
        if (r.description() != null && !r.description().isBlank()) sb.append(": ").append(Printable.line(r.description()));
        sb.append('\n').append("  ").append(Result.DISCLAIMER).append('\n');
        sb.append("  Knowledge base ").append(r.knowledgeBase().version()).append(", ").append(r.knowledgeBase().rules())
                .append(" rules, ").append(r.knowledgeBase().fingerprint()).append("\n\n");

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
        if (withTrace) {
            sb.append("\nRules that fired, in order\n");
            int i = 1;
            for (Result.TraceStep t : r.trace()) {
                sb.append(String.format("  %3d %s%n      matched %s%n", i++, t.ruleId(), Printable.line(String.join("; ", t.facts()))));
            }
        } else {
            sb.append("\n").append(r.trace().size()).append(" rule firings led here (--trace to list them).\n");
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, Result.Citation c, boolean withQuotes) {
        sb.append(String.format("     %-9s %s  [%s]%n", label + ":", Printable.line(c.text()), Words.cite(c)));
        if (withQuotes && Words.quote(c.source()) != null) sb.append("               review: ").append(Words.quote(c.source())).append('\n');
        if (withQuotes && Words.publicSource(c.source()) != null) sb.append("               source: ").append(Words.publicSource(c.source())).append('\n');
    }
}
