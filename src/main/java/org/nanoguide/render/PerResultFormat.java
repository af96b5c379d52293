package org.nanoguide.render;

import org.nanoguide.explain.Result;

/** A format for people that prints each result as it comes, with something between two results. */
abstract class PerResultFormat implements ResultFormat<String> {
    private final Output out;
    private final String between;
    private boolean first = true;

    PerResultFormat(Output out, String between) {
        this.out = out;
        this.between = between;
    }

    @Override
    public void write(Result result, String rendered) {
        if (!first) out.print(between);
        first = false;
        out.print(rendered);
    }

    @Override
    public void finish() { }
}
