package org.nanoguide.whatif;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The what-if parts for people, short: values set on the case; "what would change this advice"
 * (the decisive unknowns, the weightiest first); "why not ..." (the near misses). Long lists
 * are cut, saying how many more the JSON holds.
 */
public final class WhatIfText {
    /** Unknowns and near misses shown in a report; JSON lists them all. */
    static final int SHOWN = 6;

    private WhatIfText() { }

    /** A note to put above the advice when values were set: the advice is not for the case as given. */
    public static String setNote(WhatIf w) {
        if (w == null || w.set() == null) return "";
        return "What if: " + String.join(", ", w.set().stream().map(Assignment::toString).toList())
                + " (set with --set: this advice is not for the case as given)";
    }

    /** How text and Markdown write the same parts: headings, bullets, indents, escaping. */
    private record Style(UnaryOperator<String> heading, String nothing, UnaryOperator<String> field, String tried,
                         String bullet, String indent, UnaryOperator<String> esc, String end) { }

    private static final Style TEXT = new Style(h -> "\n" + h + "\n", "  No unknown input of this case would change it.\n",
            f -> "  ? " + f + " not known:\n", "      if ", "  - ", "  ", UnaryOperator.identity(), "");

    private static final Style MARKDOWN = new Style(h -> "### " + h + "\n\n", "No unknown input of this case would change it.\n",
            f -> "- `" + f + "` not known:\n", "  - if ", "- ", "", s -> s.replace("*", "\\*").replace("_", "\\_"), "\n");

    public static String text(WhatIf w) { return write(w, TEXT); }

    public static String markdown(WhatIf w) { return write(w, MARKDOWN); }

    private static String write(WhatIf w, Style st) {
        StringBuilder sb = new StringBuilder();
        if (w.decisiveUnknowns() != null) {
            sb.append(st.heading().apply("What would change this advice"));
            if (w.decisiveUnknowns().isEmpty()) sb.append(st.nothing());
            for (DecisiveUnknown d : head(w.decisiveUnknowns())) {
                sb.append(st.field().apply(d.field()));
                for (DecisiveUnknown.Tried t : d.values()) {
                    sb.append(st.tried()).append(st.esc().apply(value(t))).append(": ").append(st.esc().apply(t.effect())).append('\n');
                }
            }
            more(sb, st.indent(), w.decisiveUnknowns().size());
            sb.append(st.end());
        }
        if (w.nearMisses() != null && !w.nearMisses().isEmpty()) {
            sb.append(st.heading().apply("Why not ..."));
            for (NearMiss n : head(w.nearMisses())) sb.append(st.bullet()).append(st.esc().apply(n.text())).append('\n');
            more(sb, st.indent(), w.nearMisses().size());
            sb.append(st.end());
        }
        return sb.toString();
    }

    /** The what-if parts as the HTML report's template shows them. */
    public static org.nanoguide.render.WhatIfView view(WhatIf w) {
        if (w == null) return org.nanoguide.render.WhatIfView.NONE;
        List<org.nanoguide.render.WhatIfView.Unknown> unknowns = new java.util.ArrayList<>();
        if (w.decisiveUnknowns() != null) {
            for (DecisiveUnknown d : head(w.decisiveUnknowns())) {
                unknowns.add(new org.nanoguide.render.WhatIfView.Unknown(d.field(),
                        d.values().stream().map(t -> new org.nanoguide.render.WhatIfView.If(t.value().toString(),
                                "if " + value(t) + ": " + t.effect())).toList()));
            }
        }
        List<String> near = w.nearMisses() == null ? List.of() : head(w.nearMisses()).stream().map(NearMiss::text).toList();
        int hidden = Math.max(0, (w.decisiveUnknowns() == null ? 0 : w.decisiveUnknowns().size()) - SHOWN)
                + Math.max(0, (w.nearMisses() == null ? 0 : w.nearMisses().size()) - SHOWN);
        return new org.nanoguide.render.WhatIfView(setNote(w), w.decisiveUnknowns() != null, unknowns, near,
                hidden == 0 ? null : "(and " + hidden + " more; --format json lists them all)", false);
    }

    /** A report with the note on values set under its first line (the case's name); the report itself when there is no note. */
    public static String withNote(String report, String note) {
        if (note.strip().isEmpty() || note.strip().equals(">")) return report;
        int nl = report.indexOf('\n');
        return report.substring(0, nl + 1) + note + "\n" + report.substring(nl + 1);
    }

    private static <T> List<T> head(List<T> all) {
        return all.size() > SHOWN ? all.subList(0, SHOWN) : all;
    }

    private static void more(StringBuilder sb, String indent, int size) {
        if (size > SHOWN) sb.append(indent).append("(and ").append(size - SHOWN).append(" more; --format json lists them all)\n");
    }

    private static String value(DecisiveUnknown.Tried t) {
        return t.value().isTextual() ? t.value().asText() : t.value().toString();
    }
}
