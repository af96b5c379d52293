package org.nanoguide.explain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How certain an option is, by MYCIN's certainty-factor calculus (Shortliffe and Buchanan,
 * 1975; the EMYCIN form), with each claim of the review counted once.
 * <ul>
 *   <li>Each rule that supports an option (a {@code Recommendation} for its carrier and modality,
 *   a {@code Targeted} for it) brings its {@code @strength} s. Rules that restate one claim of the
 *   review share a {@code @claim} key: a claim counts once, with the strength of its strongest
 *   rule, however many rules restate it. A rule without {@code @claim} is a claim of its own.</li>
 *   <li>Independent claims combine into the measure of belief MB = 1 - (1 - s1)(1 - s2)...: two
 *   claims of 0.6 give 0.84, more support gives more certainty, never above 1.</li>
 *   <li>Each {@code Drawback} that covers the option (cost, say) brings its strength d as
 *   evidence against, combined the same way, claims counted once, into MD.</li>
 *   <li>certainty = (MB - MD) / (1 - min(MB, MD)), floored at 0, rounded to 3 decimals.</li>
 * </ul>
 * An option at or below {@value #OUTWEIGHED_AT_OR_BELOW} (MYCIN's own threshold for a
 * hypothesis worth reporting) is considered and outweighed, not recommended.
 * A rule without {@code @strength} counts as {@value #DEFAULT_STRENGTH} (and {@code check} warns).
 */
public final class Certainty {
    public static final double DEFAULT_STRENGTH = 0.5;
    public static final double OUTWEIGHED_AT_OR_BELOW = 0.2;

    /** One rule's word for or against an option: the claim it makes and how strongly. */
    public record Support(String claim, double strength) { }

    private Certainty() { }

    /** Combines independent strengths in [0, 1] into one: 1 - prod(1 - s). */
    public static double combine(Collection<Double> strengths) {
        double rest = 1.0;
        for (Double s : strengths) {
            double v = s == null ? DEFAULT_STRENGTH : Math.max(0.0, Math.min(1.0, s));
            rest *= 1.0 - v;
        }
        return 1.0 - rest;
    }

    /** The strongest strength of each claim, then combined: a restated claim adds nothing. */
    public static double combineClaims(List<Support> supports) {
        Map<String, Double> byClaim = new LinkedHashMap<>();
        for (Support s : supports) byClaim.merge(s.claim(), s.strength(), Math::max);
        return combine(byClaim.values());
    }

    public static double of(List<Support> support, List<Support> against) {
        double mb = combineClaims(support);
        double md = combineClaims(against);
        double denominator = 1.0 - Math.min(mb, md);
        double cf = denominator <= 0.0 ? 0.0 : (mb - md) / denominator;
        cf = Math.max(0.0, Math.min(1.0, cf));
        return Math.round(cf * 1000.0) / 1000.0;
    }
}
