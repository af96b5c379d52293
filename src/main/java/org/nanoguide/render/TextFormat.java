package org.nanoguide.render;

import org.nanoguide.explain.Result;

/** Plain text, one result after another, separated by a rule. */
public final class TextFormat extends PerResultFormat {
    private final boolean trace;
    private final boolean quotes;
    private final org.nanoguide.kb.References references;

    public TextFormat(Output out, boolean trace, boolean quotes, org.nanoguide.kb.References references) {
        super(out, "-".repeat(72) + System.lineSeparator());
        this.trace = trace;
        this.quotes = quotes;
        this.references = references;
    }

    @Override
    public String render(Result result) { return TextRenderer.render(null, result, references, trace, quotes); }

    @Override
    public String render(org.nanoguide.model.NanoCase c, Result result) { return TextRenderer.render(c, result, references, trace, quotes); }
}
