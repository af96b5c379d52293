package org.nanoguide.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nanoguide.engine.Concluded;
import org.nanoguide.engine.Evaluation;
import org.nanoguide.engine.Firing;
import org.nanoguide.facts.Carrier;
import org.nanoguide.facts.Caution;
import org.nanoguide.facts.Drawback;
import org.nanoguide.facts.Evidence;
import org.nanoguide.facts.EvidenceLevel;
import org.nanoguide.facts.Exclusion;
import org.nanoguide.facts.Finding;
import org.nanoguide.facts.Modality;
import org.nanoguide.facts.Recommendation;
import org.nanoguide.facts.Targeted;
import org.nanoguide.facts.Targeting;
import org.nanoguide.facts.TargetingEvidence;
import org.nanoguide.facts.Warning;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.explain.Result.Citation;
import org.nanoguide.explain.Result.CitedFinding;
import org.nanoguide.explain.Result.CitedWarning;
import org.nanoguide.explain.Result.ExcludedOption;
import org.nanoguide.explain.Result.RankedRecommendation;
import org.nanoguide.explain.Result.Source;
import org.nanoguide.explain.Result.TraceStep;

/**
 * Turns what the rules concluded into the advice of result-format.md. It assembles, it does not
 * decide: every recommendation, exclusion, targeting, caution and evidence level comes from a
 * rule. The fixed policies applied here are the contract's own:
 * <ul>
 *   <li>a recommendation is one carrier and modality that some rule supports, with every
 *   targeting that rules add to that carrier, and every caution of that carrier;</li>
 *   <li>exclusions win: a carrier (and modality) that any rule excludes is never recommended,
 *   whatever supports it; {@code excluded} says why and which support it overrode;</li>
 *   <li>certainty by {@link Certainty}; ranked by certainty, then the more mature evidence,
 *   then the vocabulary order of carrier and modality (so ties are stable);</li>
 *   <li>evidence: the least mature part sets the level, from the rules' {@code Evidence} facts
 *   for the carrier and modality (none: INVESTIGATIONAL) and {@code TargetingEvidence} facts
 *   for each targeting.</li>
 * </ul>
 */
public final class Explainer {
    private Explainer() { }

    public static Result explain(Evaluation ev) {
        KnowledgeBase kb = ev.knowledgeBase();

        List<Concluded<Exclusion>> exclusions = ev.all(Exclusion.class);
        Map<Key, List<Concluded<Recommendation>>> support = new LinkedHashMap<>();
        for (Concluded<Recommendation> r : ev.all(Recommendation.class)) {
            support.computeIfAbsent(new Key(r.fact().carrier(), r.fact().modality()), k -> new ArrayList<>()).add(r);
        }
        Map<Carrier, List<Concluded<Targeted>>> targeted = byCarrier(ev.all(Targeted.class), t -> t.fact().carrier());
        Map<Carrier, List<Concluded<Caution>>> cautions = byCarrier(ev.all(Caution.class), c -> c.fact().carrier());
        Map<Carrier, List<Concluded<Drawback>>> drawbacks = byCarrier(ev.all(Drawback.class), d -> d.fact().carrier());
        Map<Key, EvidenceLevel> pairEvidence = new LinkedHashMap<>();
        for (Concluded<Evidence> e : ev.all(Evidence.class)) {
            pairEvidence.merge(new Key(e.fact().carrier(), e.fact().modality()), e.fact().level(), Explainer::mostMature);
        }
        Map<Targeting, EvidenceLevel> targetingEvidence = new EnumMap<>(Targeting.class);
        for (Concluded<TargetingEvidence> e : ev.all(TargetingEvidence.class)) {
            targetingEvidence.merge(e.fact().targeting(), e.fact().level(), Explainer::mostMature);
        }

        List<Draft> drafts = new ArrayList<>();
        for (Map.Entry<Key, List<Concluded<Recommendation>>> e : support.entrySet()) {
            Key key = e.getKey();
            if (excludedBy(exclusions, key)) continue;
            List<Citation> reasons = new ArrayList<>();
            List<Double> strengths = new ArrayList<>();
            for (Concluded<Recommendation> r : e.getValue()) {
                if (addCitation(reasons, r.rule(), r.fact().text())) strengths.add(strength(r.rule()));
            }
            Set<Targeting> targeting = EnumSet.noneOf(Targeting.class);
            for (Concluded<Targeted> t : targeted.getOrDefault(key.carrier(), List.of())) {
                targeting.add(t.fact().targeting());
                if (addCitation(reasons, t.rule(), t.fact().text())) strengths.add(strength(t.rule()));
            }
            List<Citation> against = new ArrayList<>();
            List<Double> againstStrengths = new ArrayList<>();
            for (Concluded<Drawback> d : drawbacks.getOrDefault(key.carrier(), List.of())) {
                if (addCitation(against, d.rule(), d.fact().text())) againstStrengths.add(strength(d.rule()));
            }
            List<Citation> cautionList = new ArrayList<>();
            for (Concluded<Caution> c : cautions.getOrDefault(key.carrier(), List.of())) {
                addCitation(cautionList, c.rule(), c.fact().text());
            }
            EvidenceLevel level = pairEvidence.getOrDefault(key, EvidenceLevel.INVESTIGATIONAL);
            for (Targeting t : targeting) {
                EvidenceLevel tl = targetingEvidence.get(t);
                if (tl != null) level = EvidenceLevel.leastMature(level, tl);
            }
            drafts.add(new Draft(key, List.copyOf(targeting), Certainty.of(strengths, againstStrengths), level,
                    reasons, against, cautionList));
        }
        drafts.sort(Comparator.comparingDouble(Draft::certainty).reversed()
                .thenComparing(d -> d.evidence)
                .thenComparing(d -> d.key.carrier())
                .thenComparing(d -> d.key.modality()));
        List<RankedRecommendation> ranked = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            ranked.add(new RankedRecommendation(i + 1, d.key.carrier(), d.key.modality(), d.targeting, d.certainty,
                    d.evidence, summary(d.key, d.targeting), d.reasons, d.against, d.cautions));
        }

        return new Result(
                ev.input().id(),
                ev.input().description(),
                new Result.KnowledgeBaseRef(kb.version(), kb.fingerprint(), kb.ruleCount()),
                ranked,
                excluded(exclusions, support),
                warnings(ev),
                findings(ev),
                trace(ev.trace()),
                Result.DISCLAIMER);
    }

    private record Key(Carrier carrier, Modality modality) { }

    private static boolean excludedBy(List<Concluded<Exclusion>> exclusions, Key key) {
        for (Concluded<Exclusion> x : exclusions) {
            if (x.fact().covers(key.carrier(), key.modality())) return true;
        }
        return false;
    }

    private record Draft(Key key, List<Targeting> targeting, double certainty, EvidenceLevel evidence,
                         List<Citation> reasons, List<Citation> against, List<Citation> cautions) { }

    private static <T> Map<Carrier, List<Concluded<T>>> byCarrier(List<Concluded<T>> all,
                                                                  java.util.function.Function<Concluded<T>, Carrier> carrier) {
        Map<Carrier, List<Concluded<T>>> out = new EnumMap<>(Carrier.class);
        for (Concluded<T> c : all) out.computeIfAbsent(carrier.apply(c), k -> new ArrayList<>()).add(c);
        return out;
    }

    private static EvidenceLevel mostMature(EvidenceLevel a, EvidenceLevel b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    private static double strength(RuleInfo rule) {
        return rule.strength() == null ? Certainty.DEFAULT_STRENGTH : rule.strength();
    }

    /** Adds a citation unless the same rule already said the same thing; true when added. */
    private static boolean addCitation(List<Citation> list, RuleInfo rule, String text) {
        Citation c = citation(rule, text);
        for (Citation existing : list) {
            if (Objects.equals(existing.ruleId(), c.ruleId()) && Objects.equals(existing.text(), c.text())) return false;
        }
        list.add(c);
        return true;
    }

    static Citation citation(RuleInfo rule, String text) {
        return new Citation(ruleId(rule), text, source(rule), rule.strength());
    }

    static String ruleId(RuleInfo rule) {
        return rule.label();
    }

    static Source source(RuleInfo rule) {
        return new Source(rule.section() == null ? "" : rule.section(), rule.refs());
    }

    private static List<ExcludedOption> excluded(List<Concluded<Exclusion>> exclusions,
                                                 Map<Key, List<Concluded<Recommendation>>> support) {
        Map<Key, List<Concluded<Exclusion>>> grouped = new LinkedHashMap<>();
        for (Concluded<Exclusion> x : exclusions) {
            grouped.computeIfAbsent(new Key(x.fact().carrier(), x.fact().modality()), k -> new ArrayList<>()).add(x);
        }
        List<ExcludedOption> out = new ArrayList<>();
        for (Map.Entry<Key, List<Concluded<Exclusion>>> e : grouped.entrySet()) {
            List<Citation> reasons = new ArrayList<>();
            for (Concluded<Exclusion> x : e.getValue()) addCitation(reasons, x.rule(), x.fact().text());
            Set<String> overrides = new LinkedHashSet<>();
            Exclusion any = e.getValue().get(0).fact();
            support.forEach((key, recs) -> {
                if (any.covers(key.carrier(), key.modality())) recs.forEach(r -> overrides.add(ruleId(r.rule())));
            });
            out.add(new ExcludedOption(e.getKey().carrier(), e.getKey().modality(), reasons, List.copyOf(overrides)));
        }
        return out;
    }

    private static List<CitedWarning> warnings(Evaluation ev) {
        Map<String, CitedWarning> out = new LinkedHashMap<>();
        for (Concluded<Warning> w : ev.all(Warning.class)) {
            CitedWarning cw = new CitedWarning(w.fact().code(), ruleId(w.rule()), w.fact().text(), source(w.rule()));
            out.putIfAbsent(cw.code() + "\u0000" + cw.ruleId() + "\u0000" + cw.text(), cw);
        }
        return List.copyOf(out.values());
    }

    private static List<CitedFinding> findings(Evaluation ev) {
        Set<CitedFinding> out = new LinkedHashSet<>();
        for (Concluded<Finding> f : ev.all(Finding.class)) {
            out.add(new CitedFinding(f.fact().code(), ruleId(f.rule()), f.fact().text(), source(f.rule())));
        }
        return List.copyOf(out);
    }

    private static List<TraceStep> trace(List<Firing> firings) {
        List<TraceStep> out = new ArrayList<>(firings.size());
        for (Firing f : firings) out.add(new TraceStep(ruleId(f.rule()), f.rule().name(), f.facts()));
        return out;
    }

    static String summary(Key key, List<Targeting> targeting) {
        StringBuilder sb = new StringBuilder(96).append(key.carrier().label()).append(" for ").append(key.modality().label());
        boolean first = true;
        for (Targeting t : targeting) {
            if (t == Targeting.PASSIVE_EPR) continue;
            sb.append(first ? ", targeted with " : " and ").append(t.label());
            first = false;
        }
        if (first && targeting.contains(Targeting.PASSIVE_EPR)) sb.append(", relying on passive EPR accumulation");
        return sb.toString();
    }
}
