package org.nanoguide.facts;

import java.util.Collection;
import java.util.Collections;
import java.util.TreeSet;
import java.util.Set;
import org.nanoguide.model.RecordText;

/**
 * The case's drugs by their canonical names, for rules that ask about several at once.
 *
 * @param planned    the planned drugs (the plan is what the case lists: empty when it lists none)
 * @param prior      the drugs already given, or null when the case does not say
 * @param priorLines the prior lines of systemic therapy, or null when the case does not say
 */
public record Regimen(Set<String> planned, Set<String> prior, Integer priorLines) {
    public Regimen {
        // sorted, so the trace's text of a regimen is the same in every run
        planned = Collections.unmodifiableSortedSet(new TreeSet<>(planned));
        prior = prior == null ? null : Collections.unmodifiableSortedSet(new TreeSet<>(prior));
    }

    public boolean plansAll(Collection<String> drugs) { return planned.containsAll(drugs); }

    public boolean plansAny(Collection<String> drugs) {
        for (String d : drugs) if (planned.contains(d)) return true;
        return false;
    }

    /** True when every planned drug is one of these: nothing is planned besides them. */
    public boolean plansOnly(Collection<String> drugs) { return drugs.containsAll(planned); }

    /** The planned drugs that are not among these, sorted: what a plan adds to a product's own drugs. */
    public java.util.List<String> plannedBesides(Collection<String> drugs) {
        return planned.stream().filter(d -> !drugs.contains(d)).toList();
    }

    /** True when one of these is known to have been given; false when none was or when that is unknown. */
    public boolean hadAny(Collection<String> drugs) {
        if (prior == null) return false;
        for (String d : drugs) if (prior.contains(d)) return true;
        return false;
    }

    public boolean isPriorKnown() { return prior != null; }

    /** True when no prior line is known to have been given; false when some were, or when that is unknown. */
    public boolean isFirstLine() { return priorLines != null && priorLines == 0; }

    @Override
    public String toString() { return RecordText.of(this); }
}
