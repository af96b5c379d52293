package org.nanoguide.render;

import org.nanoguide.explain.Result;

/** Markdown, one result after another. */
public final class MarkdownFormat implements ResultFormat<String> {
    private final Output out;
    private final boolean trace;

    public MarkdownFormat(Output out, boolean trace) {
        this.out = out;
        this.trace = trace;
    }

    @Override
    public String render(Result result) { return MarkdownRenderer.render(result, trace); }

    @Override
    public void write(Result result, String rendered) { out.print(rendered); }

    @Override
    public void finish() { }
}
