package org.nanoguide.whatif;

import java.util.List;
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

    /** The what-if parts of the result {@code base} of case {@code c} (already prepared). */
    public WhatIf after(Nanoguide guide, NanoCase c, Result base) {
        WhatIf w = explore ? guide.whatIf(c, base) : WhatIf.NONE;
        return w.withSet(set);
    }
}
