package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.Nanoguide;
import org.nanoguide.TestKb;

/**
 * A bounded load test of the real service on loopback: several clients post cases as fast as
 * they can while, halfway through, the watched rules folder gets a new rule (a hot reload).
 * Every request must be answered 200, with exactly the bytes the serving rules give for that
 * case (old rules before the swap, new ones after; never a mix). Reports throughput, p50/p99
 * latency and heap before and after, on standard output and in target/loadtest.txt.
 *
 * <p>A benchmark, tagged {@code load} and so left out of {@code mvn verify}; run it with
 * {@code mvn -B -o test -DexcludedGroups=none -Dtest=ServiceLoadTest} (add
 * {@code -Dloadtest.requests=100000 -Dloadtest.clients=16} to scale it), as docs/service.md ("Load
 * test") says. No timing is asserted: the figures depend on the machine; the service's throughput
 * of record is measured with {@code wrk} (docs/performance.md).
 */
@Tag("load")
class ServiceLoadTest {
    static final int REQUESTS = Integer.getInteger("loadtest.requests", 4000);
    static final int CLIENTS = Integer.getInteger("loadtest.clients", 8);
    static final int DISTINCT_CASES = 200;

    static final String NEW_RULE = RuleDirs.HEADER + """
        rule "Load test: a finding the mid-run reload adds for lung tumors"
            @id("loadtest-reload-finding") @section("test") @refs("")
        when
            Tumor( type == TumorType.LUNG )
        then
            insert(new Finding("LOADTEST_RELOADED", "Added by the reload in the middle of the load test."));
        end
        """;

    @Test
    void manyClientsWithAHotReloadInTheMiddleGetEveryAnswerRight(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        Path edited = TestKb.copyOfRules(tmp.resolve("edited"));
        Files.writeString(edited.resolve("zz-loadtest.drl"), NEW_RULE);
        List<String> cases = new ArrayList<>(Cases.generated(DISTINCT_CASES, 7L));

        // what each set of rules must answer, by fingerprint
        Map<String, List<String>> expected = new HashMap<>();
        for (Path dir : List.of(rules, edited)) {
            Nanoguide g = Nanoguide.fromFolder(dir);
            List<String> answers = new ArrayList<>();
            for (String c : cases) answers.add(Nanoguide.toJson(g.evaluate(c)));
            expected.put(g.fingerprint(), answers);
        }

        ServiceOptions options = ServiceOptions.defaults().withPort(0);
        try (NanoguideService service = NanoguideService.start(LiveRules.fromFolder(rules, 10_000), options, true)) {
            long heapBefore = usedHeapAfterGc();
            URI evaluate = service.baseUri().resolve("/v1/evaluate");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            AtomicLong sent = new AtomicLong();
            AtomicBoolean edit = new AtomicBoolean();
            Map<String, AtomicLong> byFingerprint = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<long[]>> results = new ArrayList<>();
            List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            for (int t = 0; t < CLIENTS; t++) {
                int share = REQUESTS / CLIENTS + (t < REQUESTS % CLIENTS ? 1 : 0);
                int offset = t * 31;
                results.add(pool.submit(() -> {
                    long[] latencies = new long[share];
                    for (int k = 0; k < share; k++) {
                        if (sent.incrementAndGet() == REQUESTS / 2 && edit.compareAndSet(false, true)) {
                            RuleDirs.write(rules.resolve("zz-loadtest.drl"), NEW_RULE);
                        }
                        int i = (offset + k) % cases.size();
                        HttpRequest req = HttpRequest.newBuilder(evaluate).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(cases.get(i), StandardCharsets.UTF_8)).build();
                        long t0 = System.nanoTime();
                        HttpResponse<String> r;
                        try {
                            r = client.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        } catch (IOException e) {
                            wrong.add("request " + k + " unanswered: " + e);
                            latencies[k] = -1;
                            continue;
                        }
                        latencies[k] = System.nanoTime() - t0;
                        String fp = r.headers().firstValue("Nanoguide-Rules-Fingerprint").orElse("?");
                        byFingerprint.computeIfAbsent(fp, x -> new AtomicLong()).incrementAndGet();
                        List<String> want = expected.get(fp);
                        if (r.statusCode() != 200 || want == null || !want.get(i).equals(r.body())) {
                            wrong.add("case " + i + ": " + r.statusCode() + " from " + fp);
                        }
                    }
                    return latencies;
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : results) all.add(f.get(30, TimeUnit.MINUTES));
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            long heapAfter = usedHeapAfterGc();

            long[] lat = all.stream().flatMapToLong(Arrays::stream).filter(x -> x >= 0).sorted().toArray();
            String report = String.format(Locale.ROOT,
                    "nanoguide load test: %d requests from %d clients over %d distinct cases on %s, %d evaluation threads, %d cores%n"
                            + "  answered: %d, wrong or unanswered: %d%n"
                            + "  throughput: %.0f requests/s over %.2f s%n"
                            + "  latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n"
                            + "  answers by rules fingerprint (hot reload halfway): %s%n"
                            + "  heap used after GC: %d MB before, %d MB after%n",
                    REQUESTS, CLIENTS, cases.size(), service.baseUri(), options.threads(), Runtime.getRuntime().availableProcessors(),
                    lat.length, wrong.size(), REQUESTS / seconds, seconds,
                    pct(lat, 0.50), pct(lat, 0.99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6,
                    shortFingerprints(byFingerprint), heapBefore >> 20, heapAfter >> 20);
            System.out.print(report);
            Files.writeString(Path.of("target", "loadtest.txt"), report);

            assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), "every request answered, and answered right");
            assertEquals(REQUESTS, lat.length, "no request unanswered");
            // the reload happened: health serves the edited rules
            String newFingerprint = Nanoguide.fromFolder(edited).fingerprint();
            new Http(service).awaitHealth(h -> h.get("fingerprint").asText().equals(newFingerprint), Duration.ofSeconds(30),
                    "the rules edited halfway");
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static String shortFingerprints(Map<String, AtomicLong> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((fp, n) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(fp.length() > 19 ? fp.substring(0, 19) + "..." : fp).append(" x").append(n.get()));
        return sb.toString();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
