package org.nanoguide.render;

import org.nanoguide.explain.Result;

/** Plain text, one result after another, separated by a rule. */
public final class TextFormat implements ResultFormat<String> {
    private static final String SEPARATOR = "-".repeat(72) + System.lineSeparator();
    private final Output out;
    private final boolean trace;
    private boolean first = true;

    public TextFormat(Output out, boolean trace) {
        this.out = out;
        this.trace = trace;
    }

    @Override
    public String render(Result result) { return TextRenderer.render(result, trace); }

    @Override
    public void write(Result result, String rendered) {
        if (!first) out.print(SEPARATOR);
        first = false;
        out.print(rendered);
    }

    @Override
    public void finish() { }
}
