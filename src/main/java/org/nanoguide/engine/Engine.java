package org.nanoguide.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
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
        java.util.Set<String> planned = new java.util.TreeSet<>();
        for (String drug : c.therapy().plannedDrugs()) {
            var known = KnownDrug.find(drug);
            String name = known.map(Enum::name).orElse(drug.trim());
            facts.add(new PlannedDrug(name, known.isPresent()));
            planned.add(name);
        }
        java.util.Set<String> prior = null;
        if (c.therapy().priorDrugs() != null) {
            prior = new java.util.TreeSet<>();
            for (String drug : c.therapy().priorDrugs()) prior.add(KnownDrug.find(drug).map(Enum::name).orElse(drug.trim()));
        }
        facts.add(new Regimen(planned, prior, c.therapy().priorLines()));
        facts.add(c.therapy());
        facts.add(c.goals());
        facts.add(c.resources());
        facts.add(c.constraints());
        return facts;
    }

    public Evaluation evaluate(KnowledgeBase kb, NanoCase c) {
        KieSession session = kb.newSession();
        Recorder recorder = new Recorder(kb, c);
        try {
            session.addEventListener(recorder.agenda);
            session.addEventListener(recorder.runtime);
            for (Object fact : kb.products()) session.insert(fact);
            for (Object fact : facts(c)) session.insert(fact);
            int fired;
            try {
                fired = session.fireAllRules(maxFirings + 1);
            } catch (RuntimeException e) {
                throw failure(recorder, e);
            }
            if (fired > maxFirings) throw runaway(recorder);
            return new Evaluation(c, kb, recorder.conclusions(), recorder.trace);
        } finally {
            // a pooled session is reset on dispose and serves the next case; its listeners must go
            session.removeEventListener(recorder.agenda);
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
        return new EvaluationException(sb.toString(), top.stream().map(e -> e.getKey().label()).toList(), null);
    }

    private static EvaluationException failure(Recorder recorder, RuntimeException e) {
        Throwable root = EvaluationException.rootCause(e);
        String rule = recorder.current == null ? "unknown rule" : named(recorder.current);
        return new EvaluationException("rule " + rule + " failed: " + root, recorder.current == null ? List.of() : List.of(recorder.current.label()), e);
    }

    /** How a message names a rule: its label and where it is written. */
    private static String named(RuleInfo r) {
        return r.quotedLabel() + " (" + r.location() + ")";
    }

    /** Listens to one session: the trace, and which rule inserted each fact. */
    private static final class Recorder {
        final KnowledgeBase kb;
        final List<Firing> trace = new ArrayList<>();
        final List<Object> inserted = new ArrayList<>();
        final Map<Object, RuleInfo> insertedBy = new IdentityHashMap<>();
        final Set<Object> deleted = Collections.newSetFromMap(new IdentityHashMap<>());
        /** Each fact's text, found once per case: the same facts match many firings. */
        final Map<Object, String> text = new IdentityHashMap<>();
        final Map<Record, String> known = FactTexts.forThisThread();
        /** The case's patient and tumor: new in every case, so not worth hashing into {@code known}. */
        final Object patient, tumor;
        RuleInfo current;

        final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
                current = kb.ruleOf(event.getMatch().getRule());
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                List<Object> objects = event.getMatch().getObjects();
                String[] facts = new String[objects.size()];
                int n = 0;
                for (Object o : objects) {
                    if (o.getClass().getName().startsWith("org.drools.")) continue;
                    String t = text.get(o);
                    if (t == null) {
                        t = o == patient || o == tumor ? o.toString() : FactTexts.of(known, o);
                        text.put(o, t);
                    }
                    facts[n++] = t;
                }
                trace.add(new Firing(current, List.of(n == facts.length ? facts : java.util.Arrays.copyOf(facts, n))));
                current = null;
            }
        };

        final DefaultRuleRuntimeEventListener runtime = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() == null) return;
                Object fact = event.getObject();
                inserted.add(fact);
                // inserted by a consequence: the rule firing now (looked up only if that is not known)
                insertedBy.put(fact, current != null ? current : kb.ruleOf(event.getRule()));
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                if (event.getOldObject() != null) deleted.add(event.getOldObject());
            }
        };

        Recorder(KnowledgeBase kb, NanoCase c) {
            this.kb = kb;
            this.patient = c.patient();
            this.tumor = c.tumor();
        }

        List<Concluded<?>> conclusions() {
            List<Concluded<?>> out = new ArrayList<>(inserted.size());
            for (Object fact : inserted) {
                if (!deleted.contains(fact)) out.add(new Concluded<>(fact, insertedBy.get(fact)));
            }
            return out;
        }
    }
}
