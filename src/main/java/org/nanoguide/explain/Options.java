package org.nanoguide.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nanoguide.engine.Concluded;
import org.nanoguide.explain.Certainty.Support;
import org.nanoguide.explain.Result.Citation;
import org.nanoguide.explain.Result.RankedRecommendation;
import org.nanoguide.facts.Carrier;
import org.nanoguide.facts.Caution;
import org.nanoguide.facts.Drawback;
import org.nanoguide.facts.EvidenceLevel;
import org.nanoguide.facts.Exclusion;
import org.nanoguide.facts.Modality;
import org.nanoguide.facts.ProductEvidence;
import org.nanoguide.facts.Recommendation;
import org.nanoguide.facts.Targeted;
import org.nanoguide.facts.Targeting;
import org.nanoguide.kb.RuleInfo;

/**
 * The options of one evaluation, assembled from what the rules concluded. An option is a carrier,
 * a modality and at most one ligand: the untargeted option exists when a {@code Recommendation}
 * supports its carrier and modality, and each ligand a {@code Targeted} adds to it makes a
 * targeted variant with the same support plus the ligand's. Passive EPR accumulation is a
 * property of the option, not a variant. Cautions and drawbacks attach to every option they
 * cover; the evidence level is the most mature {@code ProductEvidence} of exactly that option,
 * INVESTIGATIONAL when there is none.
 */
final class Options {
    record Key(Carrier carrier, Modality modality, Targeting ligand) { }

    /** An option before ranking. */
    record Draft(Key key, List<Targeting> targeting, double certainty, EvidenceLevel evidence, List<String> products,
                 List<Citation> reasons, List<Citation> against, List<Citation> cautions, List<Citation> basis) { }

    private Options() { }

    /** Every supported option of the evaluation, excluded ones included, in first-supported order. */
    static Map<Key, List<Concluded<?>>> supported(List<Concluded<Recommendation>> recommendations, List<Concluded<Targeted>> targeted) {
        Map<Key, List<Concluded<?>>> out = new LinkedHashMap<>();
        for (Concluded<Recommendation> r : recommendations) {
            out.computeIfAbsent(new Key(r.fact().carrier(), r.fact().modality(), null), k -> new ArrayList<>()).add(r);
        }
        for (Concluded<Targeted> t : targeted) {
            if (!t.fact().isLigand()) continue;
            Key base = new Key(t.fact().carrier(), t.fact().modality(), null);
            if (!out.containsKey(base)) continue;
            Key variant = new Key(base.carrier(), base.modality(), t.fact().targeting());
            out.computeIfAbsent(variant, k -> new ArrayList<>(out.get(base))).add(t);
        }
        // passive accumulation supports the option and each of its variants
        for (Concluded<Targeted> t : targeted) {
            if (t.fact().isLigand()) continue;
            out.forEach((k, list) -> {
                if (k.carrier() == t.fact().carrier() && k.modality() == t.fact().modality()) list.add(t);
            });
        }
        return out;
    }

    static boolean excluded(List<Concluded<Exclusion>> exclusions, Key k) {
        for (Concluded<Exclusion> x : exclusions) {
            if (x.fact().covers(k.carrier(), k.modality(), k.ligand())) return true;
        }
        return false;
    }

    /** An option from its support and the drawbacks, cautions and product evidence of the whole evaluation. */
    static Draft draft(Key key, List<Concluded<?>> support, List<Concluded<Drawback>> drawbacks, List<Concluded<Caution>> cautions,
                       List<Concluded<ProductEvidence>> evidence) {
        List<Citation> reasons = new ArrayList<>();
        List<Support> strengths = new ArrayList<>();
        Set<Targeting> targeting = EnumSet.noneOf(Targeting.class);
        for (Concluded<?> c : support) {
            String text = c.fact() instanceof Recommendation r ? r.text() : ((Targeted) c.fact()).text();
            if (c.fact() instanceof Targeted t) targeting.add(t.targeting());
            if (add(reasons, c.rule(), text)) strengths.add(support(c.rule()));
        }
        List<Citation> against = new ArrayList<>();
        List<Support> againstStrengths = new ArrayList<>();
        for (Concluded<Drawback> d : drawbacks) {
            if (d.fact().covers(key.carrier(), key.modality(), key.ligand()) && add(against, d.rule(), d.fact().text())) {
                againstStrengths.add(support(d.rule()));
            }
        }
        List<Citation> cautioned = new ArrayList<>();
        for (Concluded<Caution> c : cautions) {
            if (c.fact().covers(key.carrier(), key.modality(), key.ligand())) add(cautioned, c.rule(), c.fact().text());
        }
        EvidenceLevel level = EvidenceLevel.INVESTIGATIONAL;
        for (Concluded<ProductEvidence> e : evidence) {
            if (isOf(e.fact(), key) && e.fact().level().ordinal() < level.ordinal()) level = e.fact().level();
        }
        Set<String> products = new LinkedHashSet<>();
        List<Citation> basis = new ArrayList<>();
        for (Concluded<ProductEvidence> e : evidence) {
            if (!isOf(e.fact(), key) || e.fact().level() != level) continue;
            products.add(e.fact().product().name());
            add(basis, e.rule(), e.fact().text());
        }
        return new Draft(key, List.copyOf(targeting), Certainty.of(strengths, againstStrengths), level,
                List.copyOf(products), reasons, against, cautioned, basis);
    }

    /** Evidence for exactly this option: its carrier, modality and ligand (none for the untargeted option). */
    private static boolean isOf(ProductEvidence p, Key key) {
        return p.carrier() == key.carrier() && p.modality() == key.modality() && p.targeting() == key.ligand();
    }

    /**
     * The contract's ranking: an imaging agent after every therapy unless the case asks for
     * imaging; then the more mature evidence (an approved product first); then certainty; then
     * the untargeted option before its variants; then vocabulary order, so ties are stable.
     */
    static Comparator<Draft> ranking(boolean imagingAsked) {
        return Comparator.<Draft>comparingInt(d -> !imagingAsked && d.key().modality() == Modality.IMAGING ? 1 : 0)
                .thenComparing(Draft::evidence)
                .thenComparing(Comparator.comparingDouble(Draft::certainty).reversed())
                .thenComparingInt(d -> d.key().ligand() == null ? 0 : 1)
                .thenComparing(d -> d.key().carrier())
                .thenComparing(d -> d.key().modality())
                .thenComparing(d -> d.key().ligand(), Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    static List<RankedRecommendation> ranked(List<Draft> drafts) {
        List<RankedRecommendation> out = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            out.add(new RankedRecommendation(i + 1, d.key().carrier(), d.key().modality(), d.targeting(), d.certainty(),
                    d.evidence(), d.products(), summary(d.key(), d.targeting()), d.reasons(), d.against(), d.cautions(), d.basis()));
        }
        return out;
    }

    private static Support support(RuleInfo rule) {
        String claim = rule.metadata().get("claim");
        return new Support(claim == null || claim.isBlank() ? "rule:" + Explainer.ruleId(rule) : claim.strip(),
                rule.strength() == null ? Certainty.DEFAULT_STRENGTH : rule.strength());
    }

    /** Adds a citation unless the same rule already said the same thing; true when added. */
    static boolean add(List<Citation> list, RuleInfo rule, String text) {
        Citation c = Explainer.citation(rule, text);
        for (Citation existing : list) {
            if (Objects.equals(existing.ruleId(), c.ruleId()) && Objects.equals(existing.text(), c.text())) return false;
        }
        list.add(c);
        return true;
    }

    static String summary(Key key, List<Targeting> targeting) {
        StringBuilder sb = new StringBuilder(96).append(key.carrier().label()).append(" for ").append(key.modality().label());
        if (key.ligand() != null) sb.append(", targeted with ").append(key.ligand().label());
        else if (targeting.contains(Targeting.PASSIVE_EPR)) sb.append(", relying on passive EPR accumulation");
        return sb.toString();
    }
}
