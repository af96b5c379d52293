package org.nanoguide.whatif;

import org.nanoguide.explain.Result;

/** A result and what was asked of it beyond the advice: values set, decisive unknowns, near misses. */
public record WhatIfResult(Result result, WhatIf whatIf) {
    public WhatIfResult {
        if (whatIf == null) whatIf = WhatIf.NONE;
    }
}
