package org.nanoguide.service;

import java.util.ArrayList;
import java.util.List;
import org.nanoguide.kb.KnowledgeBase;

/**
 * Whether the service can answer correctly, and if not, why: the reasons behind
 * {@code /v1/health}'s {@code degraded} and {@code /v1/health/ready}'s 503. Degraded while the last
 * reload failed (the older rules serve), while evaluation threads are stuck past their time
 * limit, while most recent evaluations fail, or while a watcher that was asked for has died.
 */
final class ServiceHealth {
    private final LiveRules rules;
    private final EvaluationPool pool;
    private final boolean watch;
    private volatile RulesWatcher watcher;

    ServiceHealth(LiveRules rules, EvaluationPool pool, boolean watch) {
        this.rules = rules;
        this.pool = pool;
        this.watch = watch;
    }

    /** The watcher, once started (health reports it dead until then). */
    void watcher(RulesWatcher w) { this.watcher = w; }

    /** Whether the rules folder is being watched now. */
    boolean watching() {
        RulesWatcher w = watcher;
        return w != null && w.alive();
    }

    /** When the watcher last saw a change, or null. */
    String lastWatchEventAt() {
        RulesWatcher w = watcher;
        return w == null || w.lastEventAt() == null ? null : w.lastEventAt().toString();
    }

    int stuck() { return pool.stuck(); }

    /** Why the service cannot answer correctly; empty when it can. */
    List<String> degraded() {
        List<String> why = new ArrayList<>();
        String reload = rules.lastReload().error();
        if (reload != null) why.add(reload);
        int stuck = pool.stuck();
        if (stuck > 0) {
            why.add(stuck + " evaluation thread" + (stuck == 1 ? " is" : "s are") + " stuck past the time limit (replaced; "
                    + "a rule that does not return?)");
        }
        if (pool.mostlyFailing()) why.add("most recent evaluations failed (rules that run away or fail on most cases?)");
        if (watch && !watching()) why.add("the rules watcher has stopped: edits to the rules folder are not loaded");
        return why;
    }

    /** Why the service should get no traffic now; empty when it is ready. */
    List<String> notReady() {
        KnowledgeBase kb = rules.current() == null ? null : rules.current().knowledgeBase();
        List<String> why = new ArrayList<>();
        if (kb == null || kb.ruleCount() == 0) why.add("no rules are loaded");
        why.addAll(degraded());
        return why;
    }
}
