package org.nanoguide.whatif;

import java.util.List;
import java.util.function.Function;
import org.nanoguide.Outcome;
import org.nanoguide.engine.EvaluationException;
import org.nanoguide.Nanoguide;
import org.nanoguide.explain.Result;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.NanoCase;

/**
 * What a caller asks beyond the advice: values to set on each case before evaluating it
 * ({@code --set}) and whether to look for decisive unknowns and near misses ({@code --what-if}).
 */
public record WhatIfRequest(List<Assignment> set, boolean explore) {
    public static final WhatIfRequest NONE = new WhatIfRequest(List.of(), false);

    public WhatIfRequest {
        set = set == null ? List.of() : List.copyOf(set);
    }

    public boolean isNone() { return set.isEmpty() && !explore; }

    /** The case to evaluate: the input with the values set, validated again; the input itself when nothing is set. */
    public CaseInput prepare(CaseInput.Valid in, Nanoguide guide) {
        return set.isEmpty() ? in : SetValues.apply(in, set, guide.counterfactuals().space());
    }

    /**
     * One input's outcome, as {@link Outcome#of} gives it, with the values set first (a value the
     * format refuses rejects the case, naming it) and the what-if parts rendered with the result.
     * Never throws for a bad case or a misbehaving rule.
     */
    public <R> Outcome<R> outcome(Nanoguide guide, CaseInput raw, Function<WhatIfResult, R> render) {
        CaseInput in = raw.resolve();
        if (in instanceof CaseInput.Valid given) in = prepare(given, guide);
        Outcome<Void> o = Outcome.of(guide, in, null);
        if (o instanceof Outcome.Rejected<Void> r) return new Outcome.Rejected<>(r.source(), r.message(), r.problems());
        if (o instanceof Outcome.Failed<Void> f) return new Outcome.Failed<>(f.source(), f.message(), f.cause());
        CaseInput.Valid v = (CaseInput.Valid) in;
        Result result = ((Outcome.Evaluated<Void>) o).result();
        try {
            return new Outcome.Evaluated<>(v.source(), result, render.apply(new WhatIfResult(result, after(guide, v.value(), result))));
        } catch (EvaluationException e) {
            return new Outcome.Failed<>(v.source(), v.source() + ": case " + v.value().id() + ": what-if: " + e.getMessage(), null);
        } catch (RuntimeException e) {
            return new Outcome.Failed<>(v.source(), v.source() + ": case " + v.value().id() + ": what-if failed: " + e, e);
        }
    }

    /** The what-if parts of the result {@code base} of case {@code c} (already prepared). */
    public WhatIf after(Nanoguide guide, NanoCase c, Result base) {
        WhatIf w = explore ? guide.whatIf(c, base) : WhatIf.NONE;
        return w.withSet(set);
    }
}
