package org.nanoguide.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.kb.RuleProblem;

/**
 * What rules must pass, beyond compiling, before the service serves them: every rule has an
 * {@code @id} (results cite it, so a rule without one could not be cited) and no two rules
 * share one. When the authoring lint exists, its errors belong here too.
 */
public final class ReloadCheck {
    private ReloadCheck() { }

    /** The errors that keep a knowledge base from being served; empty when it may be served. */
    public static List<RuleProblem> problems(KnowledgeBase kb) {
        List<RuleProblem> out = new ArrayList<>();
        Map<String, RuleInfo> seen = new HashMap<>();
        for (RuleInfo r : kb.rules()) {
            if (r.id() == null || r.id().isBlank()) {
                out.add(new RuleProblem("error", r.file(), r.line(), 0, r.name(),
                        "rule has no @id (every rule needs a stable @id so that results can cite it)"));
                continue;
            }
            RuleInfo first = seen.putIfAbsent(r.id(), r);
            if (first != null) {
                out.add(new RuleProblem("error", r.file(), r.line(), 0, r.name(),
                        "@id(\"" + r.id() + "\") is already used by the rule at " + first.location()));
            }
        }
        return out;
    }
}
