package org.nanoguide.render;

import java.util.List;
import java.util.function.Consumer;
import org.nanoguide.explain.Result;

/** A self-contained HTML page (no scripts, no external assets) for one or more results. */
public final class HtmlRenderer {
    private HtmlRenderer() { }

    public static String page(List<Result> results, boolean withTrace) {
        StringBuilder sb = new StringBuilder(head());
        for (Result r : results) section(sb, r, withTrace);
        return sb.append(FOOT).toString();
    }

    /** What ends the page. */
    static final String FOOT = "</body></html>\n";

    /** The page up to its first result: a stream of results is written head, sections, {@link #FOOT}. */
    static String head() {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>nanoguide advice</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}"
                + ".disclaimer{background:#fff4d6;border-left:4px solid #e0a800;padding:.5rem 1rem}"
                + "li{margin:.3rem 0}.cite{color:#555;font-size:.9em}.warn{color:#8a1c1c}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;font-size:.85em}"
                + "</style></head><body>\n<h1>nanoguide advice</h1>\n<p class=\"disclaimer\">")
                .append(esc(Result.DISCLAIMER)).append("</p>\n").toString();
    }

    /** One result's section of the page. */
    static String section(Result r, boolean withTrace) {
        StringBuilder sb = new StringBuilder();
        section(sb, r, withTrace);
        return sb.toString();
    }

    private static void section(StringBuilder sb, Result r, boolean withTrace) {
        sb.append("<section><h2>Case ").append(esc(r.caseId())).append("</h2>\n");
        if (r.description() != null) sb.append("<p>").append(esc(r.description())).append("</p>\n");
        sb.append("<p class=\"cite\">Knowledge base ").append(esc(r.knowledgeBase().version())).append(", ")
                .append(r.knowledgeBase().rules()).append(" rules, <code>").append(esc(r.knowledgeBase().fingerprint())).append("</code></p>\n");
        sb.append("<h3>Recommended</h3>\n");
        if (r.recommendations().isEmpty()) sb.append("<p>").append(esc(Words.NONE_RECOMMENDED)).append("</p>\n");
        sb.append("<ol>\n");
        for (Result.RankedRecommendation rec : r.recommendations()) {
            sb.append("<li><strong>").append(esc(rec.summary())).append("</strong>: certainty ")
                    .append(Words.percent(rec.certainty())).append(", ").append(esc(Words.evidence(rec.evidence())))
                    .append(" <span class=\"cite\">(").append(rec.carrier()).append(" / ").append(rec.modality())
                    .append(rec.targeting().isEmpty() ? "" : " / " + rec.targeting()).append(")</span><ul>\n");
            if (!rec.products().isEmpty()) sb.append("<li>Product: ").append(esc(String.join("; ", rec.products()))).append("</li>\n");
            for (Result.Citation c : rec.evidenceBasis()) item(sb, "Evidence", c);
            for (Result.Citation c : rec.reasons()) item(sb, "Because", c);
            for (Result.Citation c : rec.against()) item(sb, "Against", c);
            for (Result.Citation c : rec.cautions()) item(sb, "Caution", c);
            sb.append("</ul></li>\n");
        }
        sb.append("</ol>\n");
        list(sb, esc(Words.CONSIDERED), r.considered(), rec -> {
            sb.append("<li>").append(esc(rec.summary())).append(": certainty ").append(Words.percent(rec.certainty()))
                    .append(", ").append(esc(Words.evidence(rec.evidence()))).append("<ul>\n");
            for (Result.Citation c : rec.reasons()) item(sb, "Because", c);
            for (Result.Citation c : rec.against()) item(sb, "Against", c);
            sb.append("</ul></li>\n");
        });
        list(sb, "Excluded", r.excluded(), x -> {
            sb.append("<li><strong>").append(esc(Words.excludedWhat(x))).append("</strong><ul>\n");
            for (Result.Citation c : x.reasons()) item(sb, "Why not", c);
            sb.append("</ul></li>\n");
        });
        list(sb, "Warnings", r.warnings(), w -> {
            sb.append("<li class=\"warn\"><code>").append(w.code()).append("</code> ").append(esc(w.text()))
                    .append(" <span class=\"cite\"").append(title(w.source())).append(">(").append(esc(w.ruleId())).append("; ")
                    .append(esc(Words.cite(w.source()))).append(")</span></li>\n");
        });
        if (withTrace) {
            sb.append("<h3>Trace</h3>\n<table><tr><th>#</th><th>rule</th><th>matched</th></tr>\n");
            int i = 1;
            for (Result.TraceStep t : r.trace()) {
                sb.append("<tr><td>").append(i++).append("</td><td><code>").append(esc(t.ruleId())).append("</code></td><td>")
                        .append(esc(String.join("; ", t.facts()))).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        sb.append("</section>\n");
    }

    /** A headed list of one kind of entry, left out when the result has none. */
    private static <T> void list(StringBuilder sb, String heading, List<T> entries, Consumer<T> entry) {
        if (entries.isEmpty()) return;
        sb.append("<h3>").append(heading).append("</h3>\n<ul>\n");
        for (T e : entries) entry.accept(e);
        sb.append("</ul>\n");
    }

    private static void item(StringBuilder sb, String label, Result.Citation c) {
        sb.append("<li>").append(label).append(": ").append(esc(c.text())).append(" <span class=\"cite\"").append(title(c.source())).append(">(")
                .append(esc(Words.cite(c))).append(")</span></li>\n");
    }

    /** The review's words the rule rests on, shown when the reader hovers over the citation. */
    private static String title(Result.Source s) {
        String q = Words.quote(s);
        if (q != null) return " title=\"review: " + esc(q) + "\"";
        String source = Words.publicSource(s);
        return source == null ? "" : " title=\"source: " + esc(source) + "\"";
    }

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
