package org.nanoguide.render;

import org.nanoguide.explain.Result;

/** Plain text, one result after another, separated by a rule. */
public final class TextFormat extends PerResultFormat {
    private final boolean trace;
    private final boolean quotes;

    public TextFormat(Output out, boolean trace, boolean quotes) {
        super(out, "-".repeat(72) + System.lineSeparator());
        this.trace = trace;
        this.quotes = quotes;
    }

    @Override
    public String render(Result result) { return TextRenderer.render(result, trace, quotes); }
}
