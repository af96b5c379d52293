package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;

/**
 * Fairness between clients (attack #30): while two clients keep the only evaluation thread busy
 * with the largest arrays a request may hold, a client sending one case at a time waits for a
 * turn of each batch, not for whole batches. Timings are compared with each other, never with a
 * fixed figure, so a slow machine moves both sides.
 */
class FairTurnsTest {
    private static final int BATCH = 1000;
    private static final int SINGLES = 30;

    @Test
    void aOneCaseRequestWaitsForTurnsOfTheBatchesAheadNotForTheWholeBatches() throws Exception {
        ServiceOptions options = new ServiceOptions.Builder().port(0).threads(1).build();
        try (NanoguideService service = NanoguideService.start(LiveRules.fixed(TestKb.guide(), 10_000), options, false)) {
            Http http = new Http(service);
            String batch = "[" + String.join(",", Cases.generated(BATCH, 30)) + "]";
            AtomicBoolean stop = new AtomicBoolean();
            List<Long> batchMillis = Collections.synchronizedList(new ArrayList<>());
            ExecutorService clients = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> big = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    big.add(clients.submit(() -> {
                        while (!stop.get()) {
                            long t0 = System.nanoTime();
                            Http.Reply r = http.post("/v1/evaluate", batch);
                            assertEquals(200, r.status(), r.body());
                            batchMillis.add((System.nanoTime() - t0) / 1_000_000);
                        }
                        return null;
                    }));
                }
                // both batches are queued or running before the first single case is sent
                http.awaitHealth(h -> service.evaluationsRunning() > 0, java.time.Duration.ofSeconds(30), "a batch running");
                Thread.sleep(200);
                List<Long> singleMillis = new ArrayList<>();
                for (int i = 0; i < SINGLES; i++) {
                    long t0 = System.nanoTime();
                    Http.Reply r = http.post("/v1/evaluate", Cases.FEW.get(i % Cases.FEW.size()));
                    assertEquals(200, r.status(), r.body());
                    singleMillis.add((System.nanoTime() - t0) / 1_000_000);
                    Thread.sleep(37);
                }
                while (batchMillis.size() < 4) Thread.sleep(50);
                stop.set(true);
                for (Future<?> f : big) f.get(120, TimeUnit.SECONDS);

                Collections.sort(singleMillis);
                List<Long> batches = new ArrayList<>(batchMillis);
                Collections.sort(batches);
                long p90 = singleMillis.get((int) Math.ceil(0.9 * singleMillis.size()) - 1);
                long median = batches.get(batches.size() / 2);
                assertTrue(p90 < median / 2, "one-case requests, p90 " + p90 + " ms (all: " + singleMillis
                        + "), wait for whole batches (median " + median + " ms, all: " + batches + ")");
            } finally {
                stop.set(true);
                clients.shutdown();
                clients.awaitTermination(120, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theAnswerLimitStopsABatchInTheTurnWhereItIsReached() throws Exception {
        int one = org.nanoguide.Nanoguide.toJson(TestKb.guide().evaluate(Cases.HEAVY_METAL))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int fit = 2 * EvaluationPool.CHUNK + 3; // results that fit: past the first two turns
        long limit = 2 + (long) fit * one + (fit - 1);
        try (NanoguideService service = NanoguideService.start(LiveRules.fixed(TestKb.guide(), 10_000),
                ServiceOptions.defaults().withPort(0).withMaxAnswerBytes(limit), false)) {
            Http http = new Http(service);
            String fits = "[" + String.join(",", Collections.nCopies(fit, Cases.HEAVY_METAL)) + "]";
            Http.Reply whole = http.post("/v1/evaluate", fits);
            assertEquals(200, whole.status(), whole.body());
            assertEquals(limit, whole.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);

            long before = StreamedAnswersTest.evaluations(http);
            Http.Reply refused = http.post("/v1/evaluate", "[" + String.join(",", Collections.nCopies(100, Cases.HEAVY_METAL)) + "]");
            assertEquals(413, refused.status(), refused.body());
            assertEquals("the answer would be over the limit of " + limit + " bytes (reached at case " + (fit + 1)
                    + " of 100); send fewer cases per request", refused.json().get("error").asText());
            assertEquals(fit + 1, StreamedAnswersTest.evaluations(http) - before, "no turn after the one that outgrew the limit");
        }
    }
}
