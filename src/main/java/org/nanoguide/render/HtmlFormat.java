package org.nanoguide.render;

import java.util.ArrayList;
import java.util.List;
import org.nanoguide.explain.Result;
import org.nanoguide.kb.References;
import org.nanoguide.model.NanoCase;

/**
 * One HTML page for all the results. One case: its report. Several: a cohort page, the summary
 * first (counts and charts over every case), then a table row per case, then the full reports
 * of the first {@link #FULL_REPORTS} cases with a note saying how many. The summary is
 * aggregated and the rows spooled as results stream past, so any number of cases fits in the
 * same memory; the page is written when the last result is in.
 */
public final class HtmlFormat implements ResultFormat<HtmlFormat.Item> {
    /** Cases with a full report on a cohort page; every case has its row. */
    public static final int FULL_REPORTS = 20;
    private final Output out;
    private final boolean trace;
    private final References references;
    private final CohortSummary summary = new CohortSummary();
    private final RowSpool rows = new RowSpool();
    private final List<String> reports = new ArrayList<>();
    private final java.util.function.Function<NanoCase, Result> traced;

    /** A result on its way to the page, with the case it came from (null when not at hand) and its what-if parts. */
    public record Item(NanoCase c, Result result, WhatIfView whatIf) { }

    /**
     * @param traced evaluates a case again with the trace, for the graph of a full report whose
     *               result came without one (tracing every case of a cohort would cost every case)
     */
    public HtmlFormat(Output out, boolean trace, References references, java.util.function.Function<NanoCase, Result> traced) {
        this.out = out;
        this.trace = trace;
        this.references = references;
        this.traced = traced;
    }

    @Override
    public Item render(Result result) { return new Item(null, result, null); }

    @Override
    public Item render(NanoCase c, Result result) { return new Item(c, result, null); }

    @Override
    public void write(Result result, Item item) {
        boolean full = summary.cases() < FULL_REPORTS;
        CohortSummary.Row row = summary.add(item.c(), result, full);
        rows.add(Templates.render("cohort-row", row));
        if (full) {
            Result shown = result.trace() == null && item.c() != null ? withTrace(item.c(), result) : result;
            reports.add(HtmlRenderer.report("c" + row.n() + "-", item.c(), shown, references, trace, item.whatIf()));
        }
    }

    @Override
    public void finish() {
        try (rows) {
            out.print(HtmlRenderer.start(HtmlRenderer.TITLE));
            if (summary.cases() == 0) {
                out.print(Templates.render("no-cases", Result.DISCLAIMER));
            } else if (summary.cases() == 1) {
                out.print(reports.get(0));
            } else {
                out.print(Templates.render("cohort-summary", summary.view()));
                rows.writeTo(out);
                out.print(Templates.render("cohort-reports", java.util.Map.of("note", note())));
                reports.forEach(out::print);
            }
            out.print(HtmlRenderer.end());
        }
    }

    /** The result again with its trace; the result as it came (a report without its graph) if the case now fails. */
    private Result withTrace(NanoCase c, Result result) {
        try {
            return traced.apply(c);
        } catch (RuntimeException e) {
            return result;
        }
    }

    private String note() {
        long n = summary.cases();
        return n <= FULL_REPORTS ? "The full report of each of the " + n + " cases follows."
                : "Full reports follow for the first " + FULL_REPORTS + " of the " + n + " cases only; every case has its row above "
                + "(--format ndjson or json gives every result in full).";
    }
}
