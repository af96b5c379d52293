package org.nanoguide.render;

import org.nanoguide.explain.Result;

/** Markdown, one result after another (each ends with a blank line). */
public final class MarkdownFormat extends PerResultFormat {
    private final boolean trace;
    private final boolean quotes;
    private final org.nanoguide.kb.References references;

    public MarkdownFormat(Output out, boolean trace, boolean quotes, org.nanoguide.kb.References references) {
        super(out, "");
        this.trace = trace;
        this.quotes = quotes;
        this.references = references;
    }

    @Override
    public String render(Result result) { return MarkdownRenderer.render(null, result, references, trace, quotes); }

    @Override
    public String render(org.nanoguide.model.NanoCase c, Result result) { return MarkdownRenderer.render(c, result, references, trace, quotes); }
}
