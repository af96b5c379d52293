package org.nanoguide.engine;

import java.util.List;
import org.nanoguide.kb.RuleInfo;

/** One rule firing, with the facts it matched, in firing order. */
public record Firing(RuleInfo rule, List<String> facts) {
    public Firing {
        facts = List.copyOf(facts);
    }
}
