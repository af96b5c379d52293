package org.nanoguide.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nanoguide.engine.Concluded;
import org.nanoguide.engine.Evaluation;
import org.nanoguide.engine.Firing;
import org.nanoguide.explain.Options.Draft;
import org.nanoguide.explain.Options.Key;
import org.nanoguide.explain.Result.Citation;
import org.nanoguide.explain.Result.CitedFinding;
import org.nanoguide.explain.Result.CitedWarning;
import org.nanoguide.explain.Result.ExcludedOption;
import org.nanoguide.explain.Result.Source;
import org.nanoguide.explain.Result.TraceStep;
import org.nanoguide.facts.Caution;
import org.nanoguide.facts.Drawback;
import org.nanoguide.facts.Exclusion;
import org.nanoguide.facts.Finding;
import org.nanoguide.facts.ProductEvidence;
import org.nanoguide.facts.Recommendation;
import org.nanoguide.facts.Targeted;
import org.nanoguide.facts.Warning;
import org.nanoguide.facts.WarningCode;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.ProductNames;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.model.Goals;
import org.nanoguide.model.KnownDrug;

/**
 * Turns what the rules concluded into the advice of result-format.md. It assembles, it does not
 * decide: every option, exclusion, targeting, caution and evidence level comes from a rule. The
 * fixed policies applied here are the contract's own:
 * <ul>
 *   <li>an option is a carrier, a modality and at most one ligand ({@link Options}): a targeted
 *   variant is an option of its own, with its own evidence;</li>
 *   <li>exclusions win: an option that any rule excludes is never recommended, whatever supports
 *   it; {@code excluded} says why and which support it overrode;</li>
 *   <li>certainty by {@link Certainty}, each claim of the review counted once; an option at or
 *   below {@link Certainty#OUTWEIGHED_AT_OR_BELOW} is listed as considered, not recommended;</li>
 *   <li>ranking by {@link Options#ranking}: an imaging agent after the therapies unless the case
 *   asks for imaging, then evidence, then certainty.</li>
 * </ul>
 */
public final class Explainer {
    private Explainer() { }

    public static Result explain(Evaluation ev) {
        KnowledgeBase kb = ev.knowledgeBase();
        List<Concluded<Exclusion>> exclusions = ev.all(Exclusion.class);
        Map<Key, List<Concluded<?>>> supported = Options.supported(ev.all(Recommendation.class), ev.all(Targeted.class));
        List<Concluded<Drawback>> drawbacks = ev.all(Drawback.class);
        List<Concluded<Caution>> cautions = ev.all(Caution.class);
        List<Concluded<ProductEvidence>> evidence = ev.all(ProductEvidence.class);
        List<Draft> recommended = new ArrayList<>();
        List<Draft> considered = new ArrayList<>();
        for (Map.Entry<Key, List<Concluded<?>>> e : supported.entrySet()) {
            if (Options.excluded(exclusions, e.getKey())) continue;
            Draft d = Options.draft(e.getKey(), e.getValue(), drawbacks, cautions, evidence);
            (d.certainty() > Certainty.OUTWEIGHED_AT_OR_BELOW ? recommended : considered).add(d);
        }
        Goals goals = ev.input().goals();
        boolean imagingAsked = Boolean.TRUE.equals(goals.imaging()) || Boolean.TRUE.equals(goals.realTimeMonitoring());
        recommended.sort(Options.ranking(imagingAsked));
        considered.sort(Options.ranking(imagingAsked));

        return new Result(
                ev.input().id(),
                ev.input().description(),
                new Result.KnowledgeBaseRef(kb.version(), kb.fingerprint(), kb.ruleCount()),
                Options.ranked(recommended),
                Options.ranked(considered),
                excluded(exclusions, supported),
                warnings(ev),
                findings(ev),
                ev.firings(),
                ev.trace() == null ? null : trace(ev.trace()),
                Result.DISCLAIMER,
                ev.input().tumor() == null ? null : ev.input().tumor().type());
    }

    static Citation citation(RuleInfo rule, String text) {
        return new Citation(ruleId(rule), text, source(rule), rule.strength());
    }

    static String ruleId(RuleInfo rule) {
        return rule.label();
    }

    static Source source(RuleInfo rule) {
        return new Source(rule.section() == null ? "" : rule.section(), rule.refs(), rule.quote(), rule.source());
    }

    /**
     * The why-not: each exclusion as the rule wrote it (a carrier, perhaps narrowed to a modality
     * and a ligand), with the support it overrode. An exclusion of a ligand on any carrier is
     * listed once for each option it took out.
     */
    private static List<ExcludedOption> excluded(List<Concluded<Exclusion>> exclusions, Map<Key, List<Concluded<?>>> supported) {
        Map<Key, List<Concluded<Exclusion>>> grouped = new LinkedHashMap<>();
        for (Concluded<Exclusion> x : exclusions) {
            Exclusion f = x.fact();
            if (f.carrier() != null) {
                grouped.computeIfAbsent(new Key(f.carrier(), f.modality(), f.targeting()), k -> new ArrayList<>()).add(x);
                continue;
            }
            for (Key k : supported.keySet()) {
                if (f.covers(k.carrier(), k.modality(), k.ligand())) grouped.computeIfAbsent(k, kk -> new ArrayList<>()).add(x);
            }
        }
        List<ExcludedOption> out = new ArrayList<>();
        for (Map.Entry<Key, List<Concluded<Exclusion>>> e : grouped.entrySet()) {
            Key key = e.getKey();
            List<Citation> reasons = new ArrayList<>();
            for (Concluded<Exclusion> x : e.getValue()) Options.add(reasons, x.rule(), x.fact().text());
            Set<String> overrides = new LinkedHashSet<>();
            for (Map.Entry<Key, List<Concluded<?>>> s : supported.entrySet()) {
                Key k = s.getKey();
                if (k.carrier() != key.carrier() || !Options.excluded(e.getValue(), k)) continue;
                for (Concluded<?> c : s.getValue()) overrides.add(ruleId(c.rule()));
            }
            out.add(new ExcludedOption(key.carrier(), key.modality(), key.ligand(), reasons, List.copyOf(overrides)));
        }
        return out;
    }

    private static List<CitedWarning> warnings(Evaluation ev) {
        // a warning said twice by the same rule in the same words is given once
        record Said(WarningCode code, String ruleId, String text) { }
        Map<String, String> productHints = null;
        Map<Said, CitedWarning> out = new LinkedHashMap<>();
        for (Concluded<Warning> w : ev.all(Warning.class)) {
            String text = w.fact().text();
            if (w.fact().code() == WarningCode.UNKNOWN_VALUE) {
                // looked up only for a case that has an unknown value: most have none
                if (productHints == null) productHints = productHints(ev);
                text = withProductHints(text, productHints);
            }
            CitedWarning cw = new CitedWarning(w.fact().code(), ruleId(w.rule()), text, source(w.rule()));
            out.putIfAbsent(new Said(cw.code(), cw.ruleId(), cw.text()), cw);
        }
        return List.copyOf(out.values());
    }

    /**
     * The case's unknown planned drugs that are a product's name in the catalogue ("Doxil"), each
     * with what the catalogue says of it. An input message, like a "did you mean": the case is
     * not rewritten and the rules still see the name as unknown.
     */
    private static Map<String, String> productHints(Evaluation ev) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String drug : ev.input().therapy().plannedDrugs()) {
            if (KnownDrug.find(drug).isPresent()) continue;
            String name = drug.trim();
            ProductNames.hint(name, ev.knowledgeBase().products()).ifPresent(h -> out.putIfAbsent(name, h));
        }
        return out;
    }

    /**
     * The hint goes with the warning that reports that name: the unknown-value messages quote the
     * value as the case wrote it, so a warning quoting "Doxil" is the one about Doxil. A name no
     * warning reports gets no hint: what is reported is the rules' to say.
     */
    private static String withProductHints(String text, Map<String, String> hints) {
        String out = text;
        for (Map.Entry<String, String> h : hints.entrySet()) {
            if (text.contains("\"" + h.getKey() + "\"")) out = out + " " + h.getValue();
        }
        return out;
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
}
