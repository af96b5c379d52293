package org.nanoguide.render;

import java.util.List;
import java.util.Map;
import org.nanoguide.explain.Result;
import org.nanoguide.kb.References;
import org.nanoguide.model.NanoCase;

/**
 * HTML pages from the templates: a self-contained page (its style inlined, no scripts, no
 * external assets) that prints cleanly, for one case or, with {@link CohortPage}, for many.
 */
public final class HtmlRenderer {
    /** The page's title. */
    static final String TITLE = "nanoguide advice";

    private HtmlRenderer() { }

    /** One case's report, as a section of a page ({@code anchor} keeps its link targets apart from other reports'). */
    public static String report(String anchor, NanoCase c, Result r, References refs, boolean withTrace, WhatIfView whatIf) {
        return Templates.render("report", CaseView.of(anchor, c, r, refs, withTrace, whatIf));
    }

    /** A whole page of one case's report. */
    public static String page(NanoCase c, Result r, References refs, boolean withTrace) {
        return start(TITLE) + report("", c, r, refs, withTrace, null) + end();
    }

    /** A whole page of several results, each in full (the command line's cohort page summarises instead). */
    public static String page(List<Result> results, References refs, boolean withTrace) {
        StringBuilder sb = new StringBuilder(start(TITLE));
        int i = 0;
        for (Result r : results) sb.append(report("c" + ++i + "-", null, r, refs, withTrace, null));
        return sb.append(end()).toString();
    }

    /** The page up to its content. */
    static String start(String title) {
        return Templates.render("page-start", Map.of("title", title, "css", Templates.CSS));
    }

    /** What ends the page. */
    static String end() {
        return Templates.render("page-end", Map.of());
    }
}
