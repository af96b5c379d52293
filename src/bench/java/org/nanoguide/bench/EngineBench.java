package org.nanoguide.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.nanoguide.Nanoguide;
import org.nanoguide.engine.Engine;
import org.nanoguide.engine.Evaluation;
import org.nanoguide.explain.Explainer;
import org.nanoguide.explain.Result;
import org.nanoguide.kb.BenchKieBases;
import org.nanoguide.kb.RuleFiles;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.NanoCase;
import org.nanoguide.render.JsonRenderer;
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
 * evaluate, explain, serialise), with and without the trace, and (p) what a team would write
 * with plain Drools, on the same 1,024 generated cases and rules, one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class EngineBench {
    Nanoguide guide;
    Nanoguide tracing;
    List<Object>[] facts;
    byte[][] json;
    NanoCase[] cases;
    Evaluation[] evaluations;
    Result[] results;
    final Engine engine = new Engine();
    KieContainer plainContainer;
    KieSessionsPool mutablePool;
    final ObjectMapper plainMapper = JsonMapper.builder().build();
    int i;

    @Setup
    @SuppressWarnings("unchecked")
    public void setup() throws Exception {
        guide = Nanoguide.fromFolder(BenchCases.rules());
        tracing = guide.withTrace(true);
        cases = BenchCases.cases();
        facts = new List[cases.length];
        for (int k = 0; k < cases.length; k++) {
            facts[k] = new ArrayList<>(guide.knowledgeBase().products());
            facts[k].addAll(Engine.facts(cases[k]));
        }
        json = BenchCases.json();
        evaluations = new Evaluation[cases.length];
        results = new Result[cases.length];
        for (int k = 0; k < cases.length; k++) {
            evaluations[k] = engine.evaluate(guide.knowledgeBase(), cases[k]);
            results[k] = Explainer.explain(evaluations[k]);
        }
        plainContainer = plainContainer();
        KieBase mutable = BenchKieBases.mutable(BenchCases.rules());
        mutablePool = mutable == null ? null : mutable.newKieSessionsPool(1);
    }

    /** The bundled rules, read from the class path and compiled into a KieContainer, as plain Drools code does. */
    private static KieContainer plainContainer() {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        for (RuleFiles.RuleFile f : RuleFiles.bundled().drlFiles()) kfs.write("src/main/resources/org/nanoguide/rules/" + f.path(), f.text());
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll();
        if (kb.getResults().hasMessages(org.kie.api.builder.Message.Level.ERROR)) {
            throw new IllegalStateException(kb.getResults().toString());
        }
        return ks.newKieContainer(ks.getRepository().getDefaultReleaseId());
    }

    /** (a) the case's facts (with the product catalogue) inserted into a pooled session, all rules fired; no listener. */
    @Benchmark
    public int bareFiring() {
        KieSession s = guide.knowledgeBase().newSession();
        try {
            for (Object o : facts[i++ & (BenchCases.N - 1)]) s.insert(o);
            return s.fireAllRules(10_000);
        } finally {
            s.dispose();
        }
    }

    /** (a') as (a) in a new session of the same knowledge base instead of a pooled one: what the pool earns. */
    @Benchmark
    public int bareFiringNewSession() {
        KieSession s = guide.knowledgeBase().kieBase().newKieSession();
        try {
            for (Object o : facts[i++ & (BenchCases.N - 1)]) s.insert(o);
            return s.fireAllRules(10_000);
        } finally {
            s.dispose();
        }
    }

    /**
     * (a'') as (a) with the knowledge base in Drools' default, mutable configuration: what building
     * it immutable earns. Only with the precompiled rules (the default rules folder).
     */
    @Benchmark
    public int bareFiringMutable() {
        if (mutablePool == null) throw new IllegalStateException("bareFiringMutable needs the rules precompiled at build time");
        KieSession s = mutablePool.newKieSession();
        try {
            for (Object o : facts[i++ & (BenchCases.N - 1)]) s.insert(o);
            return s.fireAllRules(10_000);
        } finally {
            s.dispose();
        }
    }

    /** (b) bytes in, the contract's JSON line out: what `evaluate --format ndjson` does per case. */
    @Benchmark
    public byte[] pipeline() {
        return pipeline(guide);
    }

    /** (b') as (b), with the trace in the result (`evaluate --trace`). */
    @Benchmark
    public byte[] pipelineTrace() {
        return pipeline(tracing);
    }

    private byte[] pipeline(Nanoguide g) {
        CaseInput in = Nanoguide.reader().readLine("bench", 1, json[i++ & (BenchCases.N - 1)], 0);
        return JsonRenderer.compactBytes(g.evaluate(((CaseInput.Valid) in).value()));
    }

    /**
     * (p) plain Drools: Jackson databind reads the case, a new session from the KieContainer per
     * case, the same facts, fire, and every object the rules inserted written back with databind.
     */
    @Benchmark
    public byte[] plainDrools() throws IOException {
        NanoCase c = plainMapper.readValue(json[i++ & (BenchCases.N - 1)], NanoCase.class);
        KieSession s = plainContainer.newKieSession();
        try {
            Set<Object> given = Collections.newSetFromMap(new IdentityHashMap<>());
            given.addAll(guide.knowledgeBase().products());
            given.addAll(Engine.facts(c));
            for (Object o : given) s.insert(o);
            s.fireAllRules(10_000);
            List<Object> concluded = new ArrayList<>();
            for (Object o : s.getObjects()) if (!given.contains(o)) concluded.add(o);
            return plainMapper.writeValueAsBytes(concluded);
        } finally {
            s.dispose();
        }
    }

    // The stages of (b) one by one, on the same cases: where the time around the rules goes.

    /** (b1) an NDJSON line read, schema-validated and turned into the case model. */
    @Benchmark
    public Object stageRead() {
        return Nanoguide.reader().readLine("bench", 1, json[i++ & (BenchCases.N - 1)], 0);
    }

    /** (b2) (a) plus the conclusion listener: the engine as the pipeline runs it. */
    @Benchmark
    public Object stageEngine() {
        return engine.evaluate(guide.knowledgeBase(), cases[i++ & (BenchCases.N - 1)]);
    }

    /** (b3) explanation of a finished evaluation. */
    @Benchmark
    public Object stageExplain() {
        return Explainer.explain(evaluations[i++ & (BenchCases.N - 1)]);
    }

    /** (b4) a result written as its JSON line. */
    @Benchmark
    public byte[] stageJson() {
        return JsonRenderer.compactBytes(results[i++ & (BenchCases.N - 1)]);
    }
}
