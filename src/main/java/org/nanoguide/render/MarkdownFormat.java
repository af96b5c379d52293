package org.nanoguide.render;

import org.nanoguide.explain.Result;

/** Markdown, one result after another (each ends with a blank line). */
public final class MarkdownFormat extends PerResultFormat {
    private final boolean trace;
    private final boolean quotes;

    public MarkdownFormat(Output out, boolean trace, boolean quotes) {
        super(out, "");
        this.trace = trace;
        this.quotes = quotes;
    }

    @Override
    public String render(Result result) { return MarkdownRenderer.render(result, trace, quotes); }
}
