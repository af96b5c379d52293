package org.nanoguide.engine;

import java.util.ArrayList;
import java.util.List;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.model.NanoCase;

/**
 * What one evaluation produced, before explanation: every fact the rules inserted, with the
 * rule that inserted it, in insertion order; how many rules fired; and the trace of firings,
 * null unless it was asked for.
 */
public record Evaluation(NanoCase input, KnowledgeBase knowledgeBase, List<Concluded<?>> conclusions, int firings,
                         List<Firing> trace) {
    public Evaluation {
        conclusions = List.copyOf(conclusions);
        trace = trace == null ? null : List.copyOf(trace);
    }

    /** The same evaluation without its trace. */
    public Evaluation withoutTrace() {
        return trace == null ? this : new Evaluation(input, knowledgeBase, conclusions, firings, null);
    }

    /** The conclusions of one fact type, in insertion order. */
    @SuppressWarnings("unchecked")
    public <T> List<Concluded<T>> all(Class<T> type) {
        List<Concluded<T>> out = new ArrayList<>();
        for (Concluded<?> c : conclusions) {
            if (type.isInstance(c.fact())) out.add((Concluded<T>) c);
        }
        return out;
    }
}
