package org.nanoguide.cli;

import org.nanoguide.Outcome;

/** How many cases of a batch were evaluated, rejected (bad input) and failed (the rules could not evaluate them). */
record Tally(long evaluated, long rejected, long failed) {
    static final Tally NONE = new Tally(0, 0, 0);

    Tally plus(Outcome<?> o) {
        if (o instanceof Outcome.Evaluated) return new Tally(evaluated + 1, rejected, failed);
        if (o instanceof Outcome.Rejected) return new Tally(evaluated, rejected + 1, failed);
        return new Tally(evaluated, rejected, failed + 1);
    }

    long total() { return evaluated + rejected + failed; }

    boolean allEvaluated() { return rejected + failed == 0; }

    /** {@code 3 cases: 2 evaluated, 1 rejected, 0 failed}. */
    @Override
    public String toString() {
        return total() + " case" + (total() == 1 ? "" : "s") + ": " + evaluated + " evaluated, " + rejected + " rejected, " + failed + " failed";
    }
}
