package org.nanoguide.render;

import java.util.ArrayList;
import java.util.List;
import org.nanoguide.explain.Result;

/** One HTML page for all the results, written when the last has come. */
public final class HtmlFormat implements ResultFormat<Void> {
    private final Output out;
    private final boolean trace;
    private final List<Result> page = new ArrayList<>();

    public HtmlFormat(Output out, boolean trace) {
        this.out = out;
        this.trace = trace;
    }

    @Override
    public Void render(Result result) { return null; }

    @Override
    public void write(Result result, Void rendered) { page.add(result); }

    @Override
    public void finish() { out.print(HtmlRenderer.page(page, trace)); }
}
