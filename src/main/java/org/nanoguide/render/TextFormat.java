package org.nanoguide.render;

import org.nanoguide.explain.Result;

/** Plain text, one result after another, separated by a rule. */
public final class TextFormat extends PerResultFormat {
    private final boolean trace;

    public TextFormat(Output out, boolean trace) {
        super(out, "-".repeat(72) + System.lineSeparator());
        this.trace = trace;
    }

    @Override
    public String render(Result result) { return TextRenderer.render(result, trace); }
}
