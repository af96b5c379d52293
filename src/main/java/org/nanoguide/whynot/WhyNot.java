package org.nanoguide.whynot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.nanoguide.engine.Engine;
import org.nanoguide.engine.Evaluation;
import org.nanoguide.engine.Firing;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.kb.RuleSource;
import org.nanoguide.model.NanoCase;

/**
 * Why a rule did not fire on a case. The case is evaluated as usual; then the rule's conditions
 * (from Drools' parsed descriptors) are tried as probe rules over the facts the evaluation ended
 * with, one growing prefix at a time: the first prefix that matches nothing names the condition
 * that failed. That condition is then taken apart ({@link Closest}) to say which facts came
 * closest and which of its constraints each fails. It says plainly what it cannot take apart.
 */
public final class WhyNot {
    static final String FINAL_FACTS = "Conditions are checked against the facts as they stood when the rules stopped: the case's facts,"
            + " the product catalogue and every conclusion not retracted. A rule is matched as facts arrive, so one that"
            + " forbids a fact (not) may have been blocked by a fact that came later, or seen one that was later retracted.";

    private WhyNot() { }

    public static WhyNotReport explain(KnowledgeBase kb, RuleInfo rule, NanoCase c) {
        Evaluation ev = new Engine().evaluate(kb, c, true);
        RuleSource source = RuleSource.of(kb.files().file(rule.file()).orElseThrow(
                () -> new IllegalStateException("rule file not found: " + rule.file())));
        String location = kb.files().pathOf(rule.file()) + ":" + rule.line();
        RuleDescr descr = descr(source.descriptors(), rule);
        List<BaseDescr> conditions = descr.getLhs().getDescrs();
        List<String> texts = conditions.stream().map(source::textOf).toList();
        List<List<String>> firings = ev.trace().stream().filter(f -> f.rule().equals(rule)).map(Firing::facts).toList();
        if (!firings.isEmpty()) {
            return new WhyNotReport(rule.id(), rule.name(), location, c.id(), true, firings,
                    conditions(texts, texts.size() + 1), null, null, null, List.of());
        }
        List<Object> facts = Probes.facts(ev);
        if (conditions.isEmpty()) {
            return new WhyNotReport(rule.id(), rule.name(), location, c.id(), false, null, List.of(), null,
                    "the rule has no conditions, so it fires in every case; here something stopped it (an agenda group, an activation group, a bound on firings)",
                    null, List.of());
        }
        int failing = firstFailing(source, rule, facts, conditions.size());
        if (failing == 0) {
            return new WhyNotReport(rule.id(), rule.name(), location, c.id(), false, null, conditions(texts, texts.size() + 1), null,
                    "every condition holds on the facts the evaluation ended with, so the rule was kept from firing otherwise:"
                            + " by the order in which facts arrived (see the limits), or by an attribute such as an agenda or activation group",
                    null, List.of(FINAL_FACTS));
        }
        Closest.Outcome why = Closest.explain(source, rule.name(), failing, facts);
        List<String> limits = new ArrayList<>();
        limits.add(FINAL_FACTS);
        if (why.limit() != null) limits.add(why.limit());
        return new WhyNotReport(rule.id(), rule.name(), location, c.id(), false, null, conditions(texts, failing), failing,
                why.because(), why.closest(), limits);
    }

    /** The conditions' status when condition {@code failing} (1-based) is the first to fail. */
    private static List<WhyNotReport.Condition> conditions(List<String> texts, int failing) {
        List<WhyNotReport.Condition> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            int n = i + 1;
            out.add(new WhyNotReport.Condition(n, texts.get(i), n < failing ? WhyNotReport.Status.HOLDS
                    : n == failing ? WhyNotReport.Status.FAILS : WhyNotReport.Status.NOT_REACHED));
        }
        return out;
    }

    /** The first condition (1-based) that, with the ones before it, matches no facts; 0 when all match. */
    private static int firstFailing(RuleSource source, RuleInfo rule, List<Object> facts, int n) {
        List<Probes.Probe> probes = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            List<BaseDescr> fresh = descr(source.descriptors(), rule).getLhs().getDescrs();
            probes.add(new Probes.Probe("prefix-" + k, new ArrayList<>(fresh.subList(0, k)), null));
        }
        Map<String, Probes.Matches> matches = Probes.run(source.descriptors(), probes, facts);
        for (int k = 1; k <= n; k++) if (matches.get("prefix-" + k).count() == 0) return k;
        return 0;
    }

    static RuleDescr descr(PackageDescr pkg, RuleInfo rule) {
        return descr(pkg, rule.name());
    }

    static RuleDescr descr(PackageDescr pkg, String name) {
        if (pkg == null) throw new IllegalStateException("the rule's file does not parse");
        return pkg.getRules().stream().filter(r -> r.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("rule not found in its file: " + name));
    }

    /** The rule for an id or a name, as {@code nanoguide rules} finds it. */
    public static java.util.Optional<RuleInfo> find(KnowledgeBase kb, String idOrName) {
        return kb.rule(idOrName).or(() -> kb.rules().stream().filter(r -> r.name().equals(idOrName)).findFirst());
    }
}
