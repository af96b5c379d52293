package org.nanoguide.render;

import org.nanoguide.explain.Result;

/**
 * Indented JSON: one case prints one object; from the second on, an array. The first result is
 * held back until the second shows which it is, so results still stream.
 */
public final class JsonFormat implements ResultFormat<String> {
    private final Output out;
    private final String newline = System.lineSeparator();
    private String held;
    private int written;

    public JsonFormat(Output out) { this.out = out; }

    @Override
    public String render(Result result) { return JsonRenderer.pretty(result); }

    @Override
    public void write(Result result, String rendered) {
        if (written++ == 0) {
            held = rendered;
            return;
        }
        if (held != null) {
            out.print("[\n");
            out.print(indent(held));
            held = null;
        }
        out.print(",\n");
        out.print(indent(rendered));
    }

    @Override
    public void finish() {
        if (held != null) out.print(held + newline);
        else if (written > 0) out.print("\n]" + newline);
        else out.print("[]" + newline);
    }

    private static String indent(String json) {
        return "  " + json.replace("\n", "\n  ");
    }
}
