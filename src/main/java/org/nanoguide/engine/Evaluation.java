package org.nanoguide.engine;

import java.util.List;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.model.NanoCase;

/**
 * What one evaluation produced, before explanation: every fact the rules inserted, with the
 * rule that inserted it, in insertion order, and the trace of firings.
 */
public record Evaluation(NanoCase input, KnowledgeBase knowledgeBase, List<Concluded<?>> conclusions, List<Firing> trace) {
    public Evaluation {
        conclusions = List.copyOf(conclusions);
        trace = List.copyOf(trace);
    }

    /** The conclusions of one fact type, in insertion order. */
    @SuppressWarnings("unchecked")
    public <T> List<Concluded<T>> all(Class<T> type) {
        return conclusions.stream().filter(c -> type.isInstance(c.fact())).map(c -> (Concluded<T>) c).toList();
    }
}
