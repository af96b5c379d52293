package org.nanoguide.bench;

import java.util.concurrent.TimeUnit;
import org.nanoguide.Nanoguide;
import org.nanoguide.explain.Result;
import org.nanoguide.model.NanoCase;
import org.nanoguide.whatif.Counterfactuals;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of {@code --what-if} per case: the evaluation plus decisive unknowns and near misses
 * (every variant evaluated with the same loaded rules), against the evaluation alone, on the
 * generated cases of {@link BenchCases}, one thread. {@code evaluations} counts the rule
 * evaluations one what-if makes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class WhatIfBench {
    Nanoguide guide;
    NanoCase[] cases;
    Counterfactuals counting;
    int i;
    static long evaluationsMade;

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Evaluations {
        public long evaluations;

        @Setup(Level.Iteration)
        public void reset() { evaluations = 0; }
    }

    @Setup
    public void setup() throws Exception {
        guide = Nanoguide.fromFolder(BenchCases.rules());
        cases = BenchCases.cases();
        counting = new Counterfactuals(c -> {
            evaluationsMade++;
            return guide.evaluate(c);
        }, guide.counterfactuals().space());
    }

    /** One case evaluated, as {@code evaluate} does without the flag. */
    @Benchmark
    public Object evaluateOnly() {
        return guide.evaluate(cases[i++ & (BenchCases.N - 1)]);
    }

    /** One case evaluated with {@code --what-if}. */
    @Benchmark
    public Object evaluateWhatIf(Evaluations counter) {
        NanoCase c = cases[i++ & (BenchCases.N - 1)];
        Result base = guide.evaluate(c);
        long before = evaluationsMade;
        Object w = counting.explore(c, base);
        counter.evaluations += evaluationsMade - before + 1;
        return w;
    }
}
