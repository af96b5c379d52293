package org.nanoguide.render;

import org.nanoguide.explain.Result;
import org.nanoguide.kb.References;
import org.nanoguide.model.NanoCase;

/**
 * A format for people that prints each result's report as it comes, with something between two
 * results; text and Markdown differ only in their renderer and separator.
 */
abstract class PerResultFormat implements ResultFormat<String> {
    /** Writes one report: the inputs used ({@code given}; null when not known), the result, the references cited. */
    interface Report {
        String render(NanoCase given, Result result, References references, boolean trace, boolean quotes);
    }

    private final Output out;
    private final String between;
    private final Report report;
    private final boolean trace;
    private final boolean quotes;
    private final References references;
    private boolean first = true;

    PerResultFormat(Output out, String between, Report report, boolean trace, boolean quotes, References references) {
        this.out = out;
        this.between = between;
        this.report = report;
        this.trace = trace;
        this.quotes = quotes;
        this.references = references;
    }

    @Override
    public String render(Result result) { return report.render(null, result, references, trace, quotes); }

    @Override
    public String render(NanoCase c, Result result) { return report.render(c, result, references, trace, quotes); }

    @Override
    public void write(Result result, String rendered) {
        if (!first) out.print(between);
        first = false;
        out.print(rendered);
    }

    @Override
    public void finish() { }
}
