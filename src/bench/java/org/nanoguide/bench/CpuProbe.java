package org.nanoguide.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The stages of {@link EngineBench} timed by the CPU time of the measuring thread, not by the
 * wall clock: on a shared machine another process takes wall time from a benchmark but not
 * CPU time from its thread, so this gives figures that JMH's wall-clock errors hide. The
 * variants run in alternating rounds of the same cases, so a change of machine load or JIT
 * state touches them all alike; the median round is reported. Garbage collection runs on other
 * threads and is not counted here: the bytes allocated a case are printed beside the time.
 *
 * <p>Run: {@code mvn -B -o -Pbench -DskipTests verify -Dbench.main=org.nanoguide.bench.CpuProbe}
 * (docs/performance.md); {@code -Dbench.args="9 pipeline stageJson"} runs 9 rounds of only the
 * variants named, beside bare firing.
 */
public final class CpuProbe {
    private CpuProbe() { }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        EngineBench b = new EngineBench();
        b.setup();
        Map<String, IntConsumer> variants = new LinkedHashMap<>();
        variants.put("bareFiring", k -> b.bareFiring());
        variants.put("bareNewSession", k -> b.bareFiringNewSession());
        if (b.mutablePool != null) variants.put("bareMutable", k -> b.bareFiringMutable());
        variants.put("stageEngine", k -> b.stageEngine());
        variants.put("stageRead", k -> b.stageRead());
        variants.put("stageExplain", k -> b.stageExplain());
        variants.put("stageJson", k -> b.stageJson());
        variants.put("pipeline", k -> b.pipeline());
        variants.put("pipelineTrace", k -> b.pipelineTrace());
        variants.put("plainDrools", k -> {
            try {
                b.plainDrools();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        if (args.length > 1) {
            // only the variants named after the rounds, beside bare firing, which the others are measured against
            List<String> only = Arrays.asList(args).subList(1, args.length);
            variants.keySet().removeIf(name -> !name.equals("bareFiring") && !only.contains(name));
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        Map<String, List<double[]>> seen = new LinkedHashMap<>();
        // the first rounds warm every variant up (JIT); they are not counted
        int warm = Math.max(3, rounds / 3);
        for (int r = 0; r < warm + rounds; r++) {
            for (var v : variants.entrySet()) {
                long cpu = threads.getCurrentThreadCpuTime();
                long bytes = threads.getThreadAllocatedBytes(self);
                for (int k = 0; k < BenchCases.N; k++) v.getValue().accept(k);
                double us = (threads.getCurrentThreadCpuTime() - cpu) / 1_000.0 / BenchCases.N;
                double kb = (threads.getThreadAllocatedBytes(self) - bytes) / 1_000.0 / BenchCases.N;
                if (r >= warm) seen.computeIfAbsent(v.getKey(), x -> new ArrayList<>()).add(new double[] {us, kb});
            }
        }
        double bare = median(seen.get("bareFiring"), 0);
        System.out.printf("%-14s %10s %10s %8s%n", "variant", "cpu us/case", "KB/case", "x bare");
        for (var e : seen.entrySet()) {
            double us = median(e.getValue(), 0);
            System.out.printf("%-14s %10.1f %10.1f %8.2f%n", e.getKey(), us, median(e.getValue(), 1), us / bare);
        }
        System.out.printf("load average %.2f, %d rounds of %d cases after %d warm-up rounds%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), rounds, BenchCases.N, warm);
    }

    private static double median(List<double[]> xs, int at) {
        double[] v = xs.stream().mapToDouble(x -> x[at]).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
