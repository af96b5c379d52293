package org.nanoguide.engine;

/**
 * One case could not be evaluated: a rule ran away (the firing bound was hit) or failed at
 * run time. The message names the rules involved; other cases are unaffected.
 */
public final class EvaluationException extends RuntimeException {
    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The innermost cause of a failure: what a message should name. */
    public static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }
}
