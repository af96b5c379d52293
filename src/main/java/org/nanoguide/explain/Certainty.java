package org.nanoguide.explain;

import java.util.List;

/**
 * How certain a recommendation is, by MYCIN's certainty-factor calculus (Shortliffe and
 * Buchanan, 1975; the EMYCIN form).
 * <ul>
 *   <li>Each rule that supports a recommendation (a {@code Recommendation} for its carrier and
 *   modality, a {@code Targeted} for its carrier) adds its {@code @strength} s as evidence for:
 *   MB = 1 - (1 - s1)(1 - s2)... Two independent rules of 0.6 give 0.84: more support, more
 *   certainty, never above 1.</li>
 *   <li>Each {@code Drawback} of its carrier (such as cost, in a cost-sensitive case) adds its
 *   strength d as evidence against, combined the same way into MD.</li>
 *   <li>certainty = (MB - MD) / (1 - min(MB, MD)), floored at 0, rounded to 3 decimals.</li>
 * </ul>
 * A rule without {@code @strength} counts as {@value #DEFAULT_STRENGTH} (and {@code check} warns).
 */
public final class Certainty {
    public static final double DEFAULT_STRENGTH = 0.5;

    private Certainty() { }

    /** Combines independent strengths in [0, 1] into one: 1 - prod(1 - s). */
    public static double combine(List<Double> strengths) {
        double rest = 1.0;
        for (Double s : strengths) {
            double v = s == null ? DEFAULT_STRENGTH : Math.max(0.0, Math.min(1.0, s));
            rest *= 1.0 - v;
        }
        return 1.0 - rest;
    }

    public static double of(List<Double> support, List<Double> against) {
        double mb = combine(support);
        double md = combine(against);
        double denominator = 1.0 - Math.min(mb, md);
        double cf = denominator <= 0.0 ? 0.0 : (mb - md) / denominator;
        cf = Math.max(0.0, Math.min(1.0, cf));
        return Math.round(cf * 1000.0) / 1000.0;
    }
}
