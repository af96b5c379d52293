package org.nanoguide.render;

import org.nanoguide.explain.Result;

/**
 * One HTML page for all the results, streamed: the head before the first result, each result's
 * section as it comes (rendered on the worker threads), the end of the page last. A batch of any
 * size is never held in memory.
 */
public final class HtmlFormat implements ResultFormat<String> {
    private final Output out;
    private final boolean trace;
    private boolean started;

    public HtmlFormat(Output out, boolean trace) {
        this.out = out;
        this.trace = trace;
    }

    @Override
    public String render(Result result) { return HtmlRenderer.section(result, trace); }

    @Override
    public void write(Result result, String rendered) {
        start();
        out.print(rendered);
    }

    @Override
    public void finish() {
        start();
        out.print(HtmlRenderer.FOOT);
    }

    private void start() {
        if (!started) out.print(HtmlRenderer.head());
        started = true;
    }
}
