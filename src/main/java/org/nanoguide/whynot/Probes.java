package org.nanoguide.whynot;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.io.DescrResource;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;

/**
 * Probe rules: rules made of some of one rule's conditions, with no consequence, compiled into a
 * small knowledge base of their own (the package's imports and globals, no other rule) and fired
 * over a set of facts. Drools says only whether a whole rule matched; a probe asks the same of a
 * part of it. Each probe is built from descriptors no other probe shares, since a build may
 * change the descriptors it is given.
 */
final class Probes {
    /** The declaration a probe binds its last pattern to, when the pattern binds none. */
    static final String FACT = "$whyNotFact";

    /** What one probe matched: how many times, and each fact its last pattern bound (by identity). */
    record Matches(int count, Set<Object> bound) { }

    /** A probe: its name and conditions, in order. */
    record Probe(String name, List<BaseDescr> conditions, String binding) { }

    private Probes() { }

    /**
     * Fires the probes over the facts.
     *
     * @param source a parse of the rule's file (its imports and globals serve the probes)
     * @throws IllegalStateException naming the first compile error, when a probe does not compile
     */
    static Map<String, Matches> run(PackageDescr source, List<Probe> probes, List<Object> facts) {
        KieBase base = compile(source, probes);
        Map<String, String> bindings = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Set<Object>> bound = new LinkedHashMap<>();
        for (Probe p : probes) {
            bindings.put(p.name(), p.binding());
            counts.put(p.name(), new int[1]);
            bound.put(p.name(), Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        KieSession session = base.newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    String name = event.getMatch().getRule().getName();
                    int[] n = counts.get(name);
                    if (n == null) return;
                    n[0]++;
                    String binding = bindings.get(name);
                    if (binding != null && event.getMatch().getDeclarationIds().contains(binding)) {
                        bound.get(name).add(event.getMatch().getDeclarationValue(binding));
                    }
                }
            });
            for (Object f : facts) session.insert(f);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        Map<String, Matches> out = new LinkedHashMap<>();
        for (Probe p : probes) out.put(p.name(), new Matches(counts.get(p.name())[0], bound.get(p.name())));
        return out;
    }

    private static KieBase compile(PackageDescr source, List<Probe> probes) {
        PackageDescr pkg = new PackageDescr(source.getName());
        source.getImports().forEach(pkg::addImport);
        source.getFunctionImports().forEach(pkg::addFunctionImport);
        source.getAccumulateImports().forEach(pkg::addAccumulateImport);
        source.getGlobals().forEach(pkg::addGlobal);
        source.getFunctions().forEach(pkg::addFunction);
        source.getTypeDeclarations().forEach(pkg::addTypeDeclaration);
        for (Probe p : probes) {
            RuleDescr rule = new RuleDescr(p.name());
            AndDescr lhs = new AndDescr();
            p.conditions().forEach(lhs::addDescr);
            rule.setLhs(lhs);
            rule.setConsequence("");
            pkg.addRule(rule);
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(new DescrResource(pkg), ResourceType.DESCR);
        if (builder.hasErrors()) {
            throw new IllegalStateException("a probe rule does not compile: " + builder.getErrors().iterator().next().getMessage());
        }
        return builder.newKieBase();
    }

    /** The facts a rule could have seen: the catalogue, the case's facts, then every conclusion that still stands. */
    static List<Object> facts(org.nanoguide.engine.Evaluation ev) {
        List<Object> out = new ArrayList<>(ev.knowledgeBase().products());
        out.addAll(org.nanoguide.engine.Engine.facts(ev.input()));
        ev.conclusions().forEach(c -> out.add(c.fact()));
        return out;
    }
}
