package org.nanoguide.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.nanoguide.facts.PlannedDrug;
import org.nanoguide.facts.Receptor;
import org.nanoguide.facts.Regimen;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.model.KnownDrug;
import org.nanoguide.model.MultidrugResistance;
import org.nanoguide.model.NanoCase;
import org.nanoguide.model.ReceptorName;
import org.nanoguide.model.Tumor;

/**
 * One evaluation: the case's facts go into a fresh session of the shared knowledge base, the
 * rules fire up to a bound, and every fact a rule inserted comes out with the rule that
 * inserted it. Stateless and thread-safe; the Java side decides nothing here.
 */
public final class Engine {
    /** Far above what the knowledge base needs (tens of firings a case); a loop hits it fast. */
    public static final int DEFAULT_MAX_FIRINGS = 10_000;

    private final int maxFirings;

    public Engine() { this(DEFAULT_MAX_FIRINGS); }

    public Engine(int maxFirings) {
        if (maxFirings < 1) throw new IllegalArgumentException("maxFirings must be at least 1");
        this.maxFirings = maxFirings;
    }

    /** The facts the rules see for a case, in the order they are inserted. */
    public static List<Object> facts(NanoCase c) {
        List<Object> facts = new ArrayList<>();
        Tumor tumor = c.tumor();
        facts.add(c.patient());
        facts.add(tumor);
        for (ReceptorName r : ReceptorName.values()) facts.add(new Receptor(r, tumor.receptor(r)));
        facts.add(tumor.multidrugResistance() != null ? tumor.multidrugResistance() : new MultidrugResistance(null, null));
        Set<String> planned = new TreeSet<>();
        for (String drug : c.therapy().plannedDrugs()) {
            var known = KnownDrug.find(drug);
            String name = known.map(Enum::name).orElse(drug.trim());
            facts.add(new PlannedDrug(name, known.isPresent()));
            planned.add(name);
        }
        Set<String> prior = null;
        if (c.therapy().priorDrugs() != null) {
            prior = new TreeSet<>();
            for (String drug : c.therapy().priorDrugs()) prior.add(KnownDrug.find(drug).map(Enum::name).orElse(drug.trim()));
        }
        facts.add(new Regimen(planned, prior, c.therapy().priorLines()));
        facts.add(c.therapy());
        facts.add(c.goals());
        facts.add(c.resources());
        facts.add(c.constraints());
        return facts;
    }

    /** Evaluates a case without a trace: the conclusions, who concluded them, and the number of firings. */
    public Evaluation evaluate(KnowledgeBase kb, NanoCase c) {
        return evaluate(kb, c, false);
    }

    /**
     * Evaluates a case; with {@code trace}, also every firing with the facts it matched. Without
     * it, only the insertions are listened to, for which rule concluded each fact, so a case costs
     * little more than bare firing; a case that goes wrong is run again with the trace, which
     * names the rules involved.
     */
    public Evaluation evaluate(KnowledgeBase kb, NanoCase c, boolean trace) {
        KieSession session = kb.newSession();
        Recorder recorder = new Recorder(kb, trace);
        try {
            for (Object fact : kb.products()) session.insert(fact);
            for (Object fact : facts(c)) session.insert(fact);
            // rules run only when fired, so the listeners start there: the given facts need no event
            if (trace) session.addEventListener(recorder.agenda);
            session.addEventListener(recorder.runtime);
            int fired;
            try {
                fired = session.fireAllRules(maxFirings + 1);
            } catch (RuntimeException e) {
                // the rule that failed is known to the agenda listener, which runs only with the trace
                if (!trace) return evaluate(kb, c, true).withoutTrace();
                throw failure(recorder, e);
            }
            if (fired > maxFirings) {
                // which rules ran away is in the trace: rerun the case with one to name them
                if (!trace) return evaluate(kb, c, true).withoutTrace();
                throw runaway(recorder);
            }
            return new Evaluation(c, kb, recorder.conclusions(), fired, trace ? recorder.trace : null);
        } finally {
            // a pooled session is reset on dispose and serves the next case; its listeners must go
            if (trace) session.removeEventListener(recorder.agenda);
            session.removeEventListener(recorder.runtime);
            session.dispose();
        }
    }

    private EvaluationException runaway(Recorder recorder) {
        Map<RuleInfo, Integer> counts = new LinkedHashMap<>();
        for (Firing f : recorder.trace) counts.merge(f.rule(), 1, Integer::sum);
        List<Map.Entry<RuleInfo, Integer>> top = counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue()).limit(3).toList();
        StringBuilder sb = new StringBuilder("rules ran away: stopped after " + maxFirings + " firings; most fired: ");
        for (int i = 0; i < top.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(named(top.get(i).getKey())).append(" x").append(top.get(i).getValue());
        }
        sb.append(" (a rule that re-triggers itself, e.g. by modifying or inserting what it matches)");
        return new EvaluationException(sb.toString(), null);
    }

    private static EvaluationException failure(Recorder recorder, RuntimeException e) {
        Throwable root = EvaluationException.rootCause(e);
        String rule = recorder.current == null ? "unknown rule" : named(recorder.current);
        return new EvaluationException("rule " + rule + " failed: " + root, e);
    }

    /** How a message names a rule: its label and where it is written. */
    private static String named(RuleInfo r) {
        return r.quotedLabel() + " (" + r.location() + ")";
    }

    /** Listens to one session: which rule inserted each fact, and the trace when asked for. */
    private static final class Recorder {
        final KnowledgeBase kb;
        /** Null when no trace was asked for. */
        final List<Firing> trace;
        /** Every fact a rule inserted, with that rule, in insertion order. */
        final List<Concluded<?>> inserted = new ArrayList<>();
        /** The facts a rule deleted; null until one does (the bundled rules never do). */
        Set<Object> deleted;
        /** The rule firing now, known only with the trace (the agenda listener). */
        RuleInfo current;

        final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                current = kb.ruleOf(event.getMatch().getRule());
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                trace.add(new Firing(current, factTexts(event.getMatch().getObjects())));
                current = null;
            }
        };

        final DefaultRuleRuntimeEventListener runtime = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                // only a rule's consequence concludes something
                if (event.getRule() == null) return;
                inserted.add(new Concluded<>(event.getObject(), current != null ? current : kb.ruleOf(event.getRule())));
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                if (event.getOldObject() == null) return;
                if (deleted == null) deleted = Collections.newSetFromMap(new IdentityHashMap<>());
                deleted.add(event.getOldObject());
            }
        };

        Recorder(KnowledgeBase kb, boolean trace) {
            this.kb = kb;
            this.trace = trace ? new ArrayList<>() : null;
        }

        /** The texts of the case's facts a firing matched; Drools' own objects (such as accumulate results) are left out. */
        private List<String> factTexts(List<Object> objects) {
            List<String> facts = new ArrayList<>(objects.size());
            for (Object o : objects) {
                if (o.getClass().getName().startsWith("org.drools.")) continue;
                facts.add(String.valueOf(o));
            }
            return facts;
        }

        /** What the rules inserted and did not delete again. */
        List<Concluded<?>> conclusions() {
            if (deleted == null) return inserted;
            List<Concluded<?>> out = new ArrayList<>(inserted.size());
            for (Concluded<?> c : inserted) {
                if (!deleted.contains(c.fact())) out.add(c);
            }
            return out;
        }
    }
}
