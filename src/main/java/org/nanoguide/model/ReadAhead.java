package org.nanoguide.model;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The cases of one input, each read by {@link #hasNext()} into {@link #next} before it is handed
 * out: reading decides whether there is a next case at all (a blank line, the end of an array).
 */
abstract class ReadAhead implements Iterator<CaseInput> {
    /** The case read and not yet handed out, or null. */
    protected CaseInput next;

    @Override
    public final CaseInput next() {
        if (!hasNext()) throw new NoSuchElementException();
        CaseInput out = next;
        next = null;
        return out;
    }
}
