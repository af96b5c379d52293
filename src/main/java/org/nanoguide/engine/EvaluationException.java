package org.nanoguide.engine;

import java.util.List;

/**
 * One case could not be evaluated: a rule ran away (the firing bound was hit) or failed at
 * run time. The message names the rules involved; other cases are unaffected.
 */
public final class EvaluationException extends RuntimeException {
    /** The {@link org.nanoguide.kb.RuleInfo#label() labels} (id, else name) of the rules involved. */
    private final List<String> ruleIds;

    public EvaluationException(String message, List<String> ruleIds, Throwable cause) {
        super(message, cause);
        this.ruleIds = List.copyOf(ruleIds);
    }

    public List<String> ruleIds() { return ruleIds; }

    /** The innermost cause of a failure: what a message should name. */
    public static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }
}
