package org.nanoguide.render;

import java.util.List;

/**
 * The what-if parts of a report, worded for people (the what-if package words them): the note on
 * values set, the unknown inputs that would change the advice, and the near misses.
 *
 * @param unknownsAsked whether the unknowns were explored (then an empty list says none would change it)
 */
public record WhatIfView(String setNote, boolean unknownsAsked, List<Unknown> unknowns, List<String> nearMisses, String more,
                         boolean interactive) {
    public static final WhatIfView NONE = new WhatIfView(null, false, List.of(), List.of(), null, false);

    public WhatIfView {
        unknowns = List.copyOf(unknowns);
        nearMisses = List.copyOf(nearMisses);
        setNote = setNote == null || setNote.isBlank() ? null : setNote;
    }

    /** An unknown input, and what the advice would be at each value it can take. */
    public record Unknown(String field, List<If> ifs) {
        public Unknown {
            ifs = List.copyOf(ifs);
        }
    }

    /** One value of an unknown input ({@code value} as JSON, for the page to set it) and what the advice would then be. */
    public record If(String value, String text) { }

    /** The same parts with a control to try each value, for the service's page. */
    public WhatIfView interactively() {
        return new WhatIfView(setNote, unknownsAsked, unknowns, nearMisses, more, true);
    }

    public boolean noUnknowns() { return unknownsAsked && unknowns.isEmpty(); }
}
