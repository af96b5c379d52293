package org.nanoguide.render;

import org.nanoguide.explain.Result;
import org.nanoguide.kb.References;
import org.nanoguide.model.NanoCase;

/** Markdown, for notes and reports. */
public final class MarkdownRenderer {
    private MarkdownRenderer() { }


    /** The report with the bottom line first, the inputs the rules used ({@code given}; left out when null), the findings, and the references cited. */
    public static String render(NanoCase given, Result r, References refs, boolean withTrace, boolean withQuotes) {
        StringBuilder sb = new StringBuilder();
        sb.append("## Case ").append(code(r.caseId())).append("\n\n");
        if (r.description() != null && !r.description().isBlank()) {
            sb.append('*').append(Words.CASE_NOTE).append(":* ").append(paragraph(r.description())).append("\n\n");
        }
        sb.append("> ").append(Result.DISCLAIMER).append("\n\n");
        sb.append("Knowledge base ").append(r.knowledgeBase().version()).append(" (").append(r.knowledgeBase().rules())
                .append(" rules, `").append(r.knowledgeBase().fingerprint()).append("`)\n\n");
        overview(sb, given, r);
        sb.append("### Recommended\n\n");
        if (r.recommendations().isEmpty()) sb.append(esc(Words.NONE_RECOMMENDED)).append("\n\n");
        for (Result.RankedRecommendation rec : r.recommendations()) {
            sb.append(rec.rank()).append(". **").append(esc(rec.summary())).append("**: certainty ")
                    .append(Words.percent(rec.certainty())).append(", ").append(Words.evidence(rec.evidence()))
                    .append(" (`").append(rec.carrier()).append("` / `").append(rec.modality()).append("`")
                    .append(rec.targeting().isEmpty() ? "" : " / " + rec.targeting()).append(")\n");
            if (!rec.products().isEmpty()) sb.append("   - Product: ").append(esc(String.join("; ", rec.products()))).append('\n');
            for (Result.Citation c : rec.evidenceBasis()) item(sb, "Evidence", c, withQuotes);
            for (Result.Citation c : rec.reasons()) item(sb, "Because", c, withQuotes);
            for (Result.Citation c : rec.against()) item(sb, "Against", c, withQuotes);
            for (Result.Citation c : rec.cautions()) item(sb, "Caution", c, withQuotes);
        }
        if (!r.considered().isEmpty()) {
            sb.append("\n### ").append(esc(Words.CONSIDERED)).append("\n\n");
            for (Result.RankedRecommendation rec : r.considered()) {
                sb.append("- ").append(esc(rec.summary())).append(": certainty ").append(Words.percent(rec.certainty()))
                        .append(", ").append(Words.evidence(rec.evidence())).append('\n');
                for (Result.Citation c : rec.reasons()) sb.append("  - Because: ").append(esc(c.text())).append(" _(").append(esc(Words.cite(c))).append(")_\n");
                for (Result.Citation c : rec.against()) sb.append("  - Against: ").append(esc(c.text())).append(" _(").append(esc(Words.cite(c))).append(")_\n");
            }
        }
        if (!r.excluded().isEmpty()) {
            sb.append("\n### Excluded\n\n");
            for (Result.ExcludedOption x : r.excluded()) {
                sb.append("- **").append(esc(Words.excludedWhat(x))).append("**\n");
                for (Result.Citation c : x.reasons()) {
                    sb.append("  - ").append(esc(c.text())).append(" _(").append(esc(Words.cite(c))).append(")_\n");
                    quote(sb, "    ", c.source(), withQuotes);
                }
            }
        }
        if (!r.warnings().isEmpty()) {
            sb.append("\n### Warnings\n\n");
            for (Result.CitedWarning w : r.warnings()) {
                sb.append("- `").append(w.code()).append("` ").append(esc(w.text())).append(" _(").append(esc(w.ruleId()))
                        .append("; ").append(esc(Words.cite(w.source()))).append(")_\n");
                quote(sb, "  ", w.source(), withQuotes);
            }
        }
        if (withTrace && r.trace() != null) {
            sb.append("\n### Trace\n\n| # | rule | matched |\n|---|---|---|\n");
            int i = 1;
            for (Result.TraceStep t : r.trace()) {
                sb.append("| ").append(i++).append(" | `").append(t.ruleId()).append("` | ")
                        .append(esc(String.join("; ", t.facts())).replace("|", "\\|")).append(" |\n");
            }
        }
        java.util.SortedSet<Integer> cited = Words.citedRefs(r);
        cited.removeIf(n -> refs.get(n) == null);
        if (!cited.isEmpty()) {
            sb.append("\n### References\n\n");
            // the review marks titles with *...*, which is Markdown's own emphasis
            for (int n : cited) sb.append(n).append(". ").append(refs.get(n).replace("_", "\\_")).append('\n');
        }
        return sb.append('\n').toString();
    }

    private static void overview(StringBuilder sb, NanoCase c, Result r) {
        if (!r.recommendations().isEmpty()) {
            Result.RankedRecommendation first = r.recommendations().get(0);
            sb.append("### Bottom line\n\n**").append(esc(first.summary())).append("**: ").append(Words.evidence(first.evidence()));
            if (!first.products().isEmpty()) sb.append("; product: ").append(esc(String.join("; ", first.products())));
            sb.append("; ").append(Words.certainty(first.certainty())).append("\n\n");
            Result.Citation caution = Words.strongestCaution(first);
            if (caution != null) sb.append("- Caution: ").append(esc(caution.text())).append(" _(").append(esc(Words.cite(caution))).append(")_\n");
            for (Result.CitedWarning w : r.warnings()) {
                if (Words.safety(w.code())) sb.append("- **Warning:** ").append(esc(w.text())).append('\n');
            }
            sb.append("\n_").append(esc(Words.CERTAINTY_MEANING)).append("_\n\n");
        }
        if (c != null) {
            sb.append("### What nanoguide understood\n\n");
            java.util.List<String> unknown = new java.util.ArrayList<>();
            for (Understood.Input i : Understood.of(c)) {
                if (i.unknown()) unknown.add("`" + i.path() + "`");
                else sb.append("- `").append(i.path()).append("`: ").append(esc(i.value())).append(i.byDefault() ? " _(default)_" : "").append('\n');
            }
            sb.append("\nUnknown: ").append(String.join(", ", unknown)).append("\n\n");
        }
        if (!r.findings().isEmpty()) {
            sb.append("### Findings\n\n");
            for (Result.CitedFinding f : r.findings()) {
                sb.append("- ").append(esc(f.text())).append(" _(").append(esc(f.ruleId())).append("; ").append(esc(Words.cite(f.source()))).append(")_\n");
            }
            sb.append('\n');
        }
    }

    private static void item(StringBuilder sb, String label, Result.Citation c, boolean withQuotes) {
        sb.append("   - ").append(label).append(": ").append(esc(c.text())).append(" _(").append(esc(Words.cite(c))).append(")_\n");
        quote(sb, "     ", c.source(), withQuotes);
    }

    /** The review's words as a block quote under the item, indented to stay inside it. */
    private static void quote(StringBuilder sb, String indent, Result.Source s, boolean withQuotes) {
        String q = withQuotes ? Words.quote(s) : null;
        if (q != null) sb.append(indent).append("> ").append(esc(q)).append('\n');
        String source = withQuotes ? Words.publicSource(s) : null;
        if (source != null) sb.append(indent).append("> source: ").append(esc(source)).append('\n');
    }

    /**
     * Text on one line (see {@link Printable}), with HTML escaped (a Markdown viewer would run it)
     * and the emphasis marks shown as written.
     */
    private static String esc(String s) {
        return s == null ? "" : Printable.line(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*", "\\*").replace("_", "\\_");
    }

    /**
     * The case's own text as a plain paragraph: a leading mark that would make it a heading, a
     * quote, a list or a table is escaped, so it cannot pose as a section of the report.
     */
    private static String paragraph(String s) {
        String t = esc(s).strip();
        if (!t.isEmpty() && "#>+-=|~`".indexOf(t.charAt(0)) >= 0) return "\\" + t;
        java.util.regex.Matcher list = ORDERED.matcher(t);
        return list.lookingAt() ? list.group(1) + "\\" + t.substring(list.group(1).length()) : t;
    }

    private static final java.util.regex.Pattern ORDERED = java.util.regex.Pattern.compile("(\\d{1,9})[.)]");

    /** A code span that holds any text: its fence is longer than any run of backticks in it. */
    private static String code(String s) {
        String t = Printable.line(s == null ? "" : s);
        int longest = 0;
        for (int i = 0, run = 0; i < t.length(); i++) {
            run = t.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        return longest == 0 ? fence + t + fence : fence + " " + t + " " + fence;
    }
}
