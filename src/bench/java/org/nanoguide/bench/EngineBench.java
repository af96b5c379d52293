package org.nanoguide.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.nanoguide.Nanoguide;
import org.nanoguide.engine.Engine;
import org.nanoguide.model.CaseInput;
import org.nanoguide.render.ResultJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (a) bare rule firing on prebuilt facts versus (b) the whole pipeline per case (parse, validate,
 * evaluate with trace, explain, serialise), on the same 1,024 generated cases, one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class EngineBench {
    private static final byte[] NEWLINE = {'\n'};
    Nanoguide guide;
    List<Object>[] facts;
    byte[][] json;
    org.nanoguide.model.NanoCase[] cases;
    org.nanoguide.engine.Evaluation[] evaluations;
    org.nanoguide.explain.Result[] results;
    final Engine engine = new Engine();
    int i;

    @Setup
    @SuppressWarnings("unchecked")
    public void setup() throws Exception {
        guide = Nanoguide.fromFolder(BenchCases.rules());
        var cases = BenchCases.cases();
        facts = new List[cases.length];
        for (int k = 0; k < cases.length; k++) facts[k] = Engine.facts(cases[k]);
        json = BenchCases.json();
        this.cases = cases;
        evaluations = new org.nanoguide.engine.Evaluation[cases.length];
        results = new org.nanoguide.explain.Result[cases.length];
        for (int k = 0; k < cases.length; k++) {
            evaluations[k] = engine.evaluate(guide.knowledgeBase(), cases[k]);
            results[k] = org.nanoguide.explain.Explainer.explain(evaluations[k]);
        }
    }

    // The stages of (b) one by one, on the same cases: where the time around the rules goes.

    /** (b1) an NDJSON line read, schema-validated and turned into the case model. */
    @Benchmark
    public Object stageRead() {
        return Nanoguide.reader().readLine("bench", 1, json[i++ & (BenchCases.N - 1)], 0);
    }

    /** (b2) (a) plus the trace and conclusion listeners: the engine as the pipeline runs it. */
    @Benchmark
    public Object stageEngine() {
        return engine.evaluate(guide.knowledgeBase(), cases[i++ & (BenchCases.N - 1)]);
    }

    /** (b3) explanation of a finished evaluation. */
    @Benchmark
    public Object stageExplain() {
        return org.nanoguide.explain.Explainer.explain(evaluations[i++ & (BenchCases.N - 1)]);
    }

    /** (b4) a result written as its NDJSON line. */
    @Benchmark
    public byte[] stageJson() {
        return ResultJson.bytes(results[i++ & (BenchCases.N - 1)], NEWLINE);
    }

    /**
     * (a) the case's facts inserted into a session, all rules fired; no listener, no explanation.
     * The session comes from the same pool the pipeline uses, so (b) / (a) is the cost of
     * everything around the rules.
     */
    @Benchmark
    public int bareFiring() {
        return fire(guide.knowledgeBase().newSession(), facts[i++ & (BenchCases.N - 1)]);
    }

    /** (a') as (a), but a new session from the KieBase for every case, as a plain Drools harness does. */
    @Benchmark
    public int bareFiringFreshSession() {
        return fire(guide.knowledgeBase().kieBase().newKieSession(), facts[i++ & (BenchCases.N - 1)]);
    }

    /**
     * (a'') as (a), with two listeners that do nothing registered, as the engine registers its
     * recorder: what Drools itself spends on events, apart from what the recorder does with them.
     */
    @Benchmark
    public int bareFiringEmptyListeners() {
        KieSession s = guide.knowledgeBase().newSession();
        s.addEventListener(NO_AGENDA_EVENTS);
        s.addEventListener(NO_RUNTIME_EVENTS);
        try {
            for (Object o : facts[i++ & (BenchCases.N - 1)]) s.insert(o);
            return s.fireAllRules(10_000);
        } finally {
            s.removeEventListener(NO_AGENDA_EVENTS);
            s.removeEventListener(NO_RUNTIME_EVENTS);
            s.dispose();
        }
    }

    private static final DefaultAgendaEventListener NO_AGENDA_EVENTS = new DefaultAgendaEventListener();
    private static final DefaultRuleRuntimeEventListener NO_RUNTIME_EVENTS = new DefaultRuleRuntimeEventListener();

    private static int fire(KieSession s, List<Object> facts) {
        try {
            for (Object o : facts) s.insert(o);
            return s.fireAllRules(10_000);
        } finally {
            s.dispose();
        }
    }

    /** (b) bytes in, the contract's JSON line out: what `evaluate --format ndjson` does per case. */
    @Benchmark
    public byte[] pipeline() {
        byte[] b = json[i++ & (BenchCases.N - 1)];
        CaseInput in = Nanoguide.reader().readLine("bench", 1, b, 0);
        return ResultJson.bytes(guide.evaluate(((CaseInput.Valid) in).value()), NEWLINE);
    }
}
