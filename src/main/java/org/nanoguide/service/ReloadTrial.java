package org.nanoguide.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.nanoguide.Nanoguide;
import org.nanoguide.Outcome;
import org.nanoguide.check.Expectations;
import org.nanoguide.model.CaseGenerator;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.CaseSources;

/**
 * What edited rules must do before they serve: evaluate the example cases, each giving the
 * advice its {@code expected} block states (as {@code nanoguide check} does), and a fixed sample
 * of generated cases, all without a failure, a runaway or overrunning the time limit. Rules that
 * compile but throw, loop or hang on real cases so never go live. The trial runs on a thread of
 * its own, given up on (not waited for) when it overruns.
 *
 * @param examples a folder of example cases, or null for none (then the generated cases only)
 */
record ReloadTrial(Path examples, Duration limit) {
    static final int GENERATED = 60;
    static final long SEED = 20_260_101L;

    /**
     * The example cases beside a rules folder: {@code cases/} next to {@code rules/}, as in the
     * project's layout; null when there is none.
     */
    static Path examplesBeside(Path rulesFolder) {
        Path parent = rulesFolder.toAbsolutePath().normalize().getParent();
        Path cases = parent == null ? null : parent.resolve("cases");
        return cases != null && Files.isDirectory(cases) ? cases : null;
    }

    /** Why {@code next} may not serve, or null when it passed. */
    String failure(Nanoguide next) {
        AtomicReference<String> result = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(run(next));
            } catch (Throwable e) { // NOPMD: whatever the rules do to the trial is the trial's answer
                result.set("the trial cases failed: " + e);
            }
        }, "nanoguide-reload-trial");
        t.setDaemon(true);
        t.start();
        try {
            t.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "the trial of the new rules was interrupted";
        }
        if (t.isAlive()) {
            t.interrupt();
            return "the new rules did not finish the trial cases within " + limit.toMillis() + " ms (a rule that never returns?)";
        }
        return result.get();
    }

    private String run(Nanoguide next) {
        List<String> failures = new ArrayList<>();
        int examined = 0;
        if (examples != null) {
            CaseSources sources = new CaseSources(Nanoguide.reader(), List.of(examples.toString()), java.io.InputStream.nullInputStream());
            while (sources.hasNext() && failures.size() < 3) {
                if (Thread.currentThread().isInterrupted()) return "interrupted";
                CaseInput in = sources.next();
                if (!(in instanceof CaseInput.Valid v) || v.value().expected() == null) continue;
                examined++;
                // an expectation about which rules fire is checked against the trace
                Outcome<Void> o = Outcome.of(next.withTrace(v.value().expected().needsFirings()), in, null);
                if (o instanceof Outcome.Failed<Void> f) {
                    failures.add(f.message());
                } else {
                    List<String> wrong = Expectations.failures(v.value().expected(), ((Outcome.Evaluated<Void>) o).result());
                    if (!wrong.isEmpty()) failures.add(in.source() + ": " + String.join("; ", wrong));
                }
            }
        }
        CaseGenerator g = new CaseGenerator(SEED);
        for (int i = 1; i <= GENERATED && failures.size() < 3; i++) {
            // given up on at the time limit: stop at the next case rather than burn the CPU to the end
            if (Thread.currentThread().isInterrupted()) return "interrupted";
            Outcome<Void> o = Outcome.of(next, Nanoguide.reader().readOne("generated case " + i, g.next().toString()), null);
            if (o instanceof Outcome.Failed<Void> f) failures.add(f.message());
        }
        if (failures.isEmpty()) return null;
        return "the new rules failed their trial (" + examined + " example cases with expected advice, " + GENERATED
                + " generated cases): " + String.join(" | ", failures);
    }
}
