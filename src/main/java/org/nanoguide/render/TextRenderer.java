package org.nanoguide.render;

import org.nanoguide.explain.Result;

/** Plain text for a clinician at a terminal: advice first, then the why and why not. */
public final class TextRenderer {
    private TextRenderer() { }

    public static String render(Result r, boolean withTrace) {
        StringBuilder sb = new StringBuilder();
        sb.append("Case ").append(r.caseId());
        if (r.description() != null && !r.description().isBlank()) sb.append(": ").append(r.description());
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
                for (Result.Citation c : rec.evidenceBasis()) line(sb, "evidence", c);
                for (Result.Citation c : rec.reasons()) line(sb, "because", c);
                for (Result.Citation c : rec.against()) line(sb, "against", c);
                for (Result.Citation c : rec.cautions()) line(sb, "caution", c);
            }
        }
        if (!r.considered().isEmpty()) {
            sb.append('\n').append(Words.CONSIDERED).append('\n');
            for (Result.RankedRecommendation rec : r.considered()) {
                sb.append(String.format("  - %s  (certainty %s, %s)%n", rec.summary(), Words.percent(rec.certainty()),
                        Words.evidence(rec.evidence())));
                for (Result.Citation c : rec.reasons()) line(sb, "because", c);
                for (Result.Citation c : rec.against()) line(sb, "against", c);
            }
        }
        if (!r.excluded().isEmpty()) {
            sb.append("\nExcluded\n");
            for (Result.ExcludedOption x : r.excluded()) {
                sb.append("  - ").append(Words.excludedWhat(x)).append('\n');
                for (Result.Citation c : x.reasons()) line(sb, "why not", c);
            }
        }
        if (!r.warnings().isEmpty()) {
            sb.append("\nWarnings\n");
            for (Result.CitedWarning w : r.warnings()) {
                sb.append("  ! ").append(w.code()).append(": ").append(w.text())
                        .append("  [").append(w.ruleId()).append("; ").append(Words.cite(w.source())).append("]\n");
            }
        }
        if (withTrace) {
            sb.append("\nRules that fired, in order\n");
            int i = 1;
            for (Result.TraceStep t : r.trace()) {
                sb.append(String.format("  %3d %s%n      matched %s%n", i++, t.ruleId(), String.join("; ", t.facts())));
            }
        } else {
            sb.append("\n").append(r.trace().size()).append(" rule firings led here (--trace to list them).\n");
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, Result.Citation c) {
        sb.append(String.format("     %-9s %s  [%s]%n", label + ":", c.text(), Words.cite(c)));
    }
}
