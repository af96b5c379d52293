package org.nanoguide.engine;

import org.nanoguide.kb.RuleInfo;

/** A conclusion fact (Recommendation, Exclusion, Warning, ...) and the rule that inserted it. */
public record Concluded<T>(T fact, RuleInfo rule) { }
