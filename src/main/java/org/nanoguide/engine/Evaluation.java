package org.nanoguide.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.model.NanoCase;

/**
 * What one evaluation produced, before explanation: every fact the rules inserted, with the
 * rule that inserted it, in insertion order, and the trace of firings.
 */
public record Evaluation(NanoCase input, KnowledgeBase knowledgeBase, List<Concluded<?>> conclusions, List<Firing> trace,
                         Map<Class<?>, List<Concluded<?>>> byClass) {
    public Evaluation {
        conclusions = List.copyOf(conclusions);
        trace = List.copyOf(trace);
        byClass = Map.copyOf(byClass);
    }

    public Evaluation(NanoCase input, KnowledgeBase knowledgeBase, List<Concluded<?>> conclusions, List<Firing> trace) {
        this(input, knowledgeBase, conclusions, trace, group(conclusions));
    }

    /** Types without subclasses (records, final classes): their conclusions are those of exactly that class. */
    private static final ClassValue<Boolean> EXACT = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isRecord() || java.lang.reflect.Modifier.isFinal(type.getModifiers());
        }
    };

    private static Map<Class<?>, List<Concluded<?>>> group(List<Concluded<?>> conclusions) {
        Map<Class<?>, List<Concluded<?>>> out = new HashMap<>();
        for (Concluded<?> c : conclusions) out.computeIfAbsent(c.fact().getClass(), k -> new ArrayList<>()).add(c);
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    /** The conclusions of one fact type, in insertion order. */
    @SuppressWarnings("unchecked")
    public <T> List<Concluded<T>> all(Class<T> type) {
        if (EXACT.get(type)) {
            return (List<Concluded<T>>) (List<?>) byClass.getOrDefault(type, List.of());
        }
        return conclusions.stream().filter(c -> type.isInstance(c.fact())).map(c -> (Concluded<T>) c).toList();
    }
}
