package org.nanoguide.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.nanoguide.Nanoguide;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.KnowledgeBaseLoader;
import org.nanoguide.kb.RuleFiles;
import org.nanoguide.kb.RuleProblem;
import org.nanoguide.kb.RulesInvalidException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules a service answers with, and how they are replaced. The serving {@link Nanoguide}
 * sits in an {@link AtomicReference}: a request reads it once and keeps that instance to the
 * end, so a reload never changes the rules under a request in flight. {@link #reload()} builds
 * the new rules off the request path and swaps them in only if they compile, pass
 * {@link ReloadCheck} and their {@link ReloadTrial}; otherwise the old rules keep serving and the
 * error is kept for health.
 */
public final class LiveRules {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRules.class);

    /** The outcome of the last reload attempt; {@code error} is null when it succeeded. */
    public record ReloadStatus(Instant at, String error, List<String> problems) {
        public ReloadStatus {
            problems = problems == null ? List.of() : List.copyOf(problems);
        }

        static final ReloadStatus NONE = new ReloadStatus(null, null, List.of());
    }

    /**
     * How a reload ended: new rules serve, the edit was refused (it did not compile, failed a
     * check or its trial, or could not be read) and the old rules serve on, or the folder held
     * the rules already serving.
     */
    public enum ReloadOutcome {
        APPLIED, REFUSED, UNCHANGED;

        /** The label operators see, as in {@code outcome="applied"}. */
        public String label() { return name().toLowerCase(Locale.ROOT); }
    }

    /** How long edited rules may take over their trial cases before they are refused as hanging. */
    static final Duration TRIAL_LIMIT = Duration.ofSeconds(20);

    private final Path folder;
    private final int maxFirings;
    private final AtomicReference<Nanoguide> current;
    private volatile ReloadStatus lastReload = ReloadStatus.NONE;
    private volatile Duration trialLimit = TRIAL_LIMIT;
    private final Map<ReloadOutcome, AtomicLong> reloads = new EnumMap<>(ReloadOutcome.class);

    private LiveRules(Path folder, Nanoguide initial, int maxFirings) {
        this.folder = folder;
        this.maxFirings = maxFirings;
        this.current = new AtomicReference<>(initial.withMaxFirings(maxFirings));
        for (ReloadOutcome o : ReloadOutcome.values()) reloads.put(o, new AtomicLong());
    }

    /**
     * Loads the rules of a folder, which later reloads read again.
     *
     * @throws RulesInvalidException when they do not compile or fail {@link ReloadCheck}
     */
    public static LiveRules fromFolder(Path folder, int maxFirings) throws RulesInvalidException, IOException {
        return new LiveRules(folder, checked(KnowledgeBaseLoader.load(folder)), maxFirings);
    }

    /** Rules that never change (the bundled ones, or an instance the embedder built). */
    public static LiveRules fixed(Nanoguide guide, int maxFirings) throws RulesInvalidException {
        checked(guide.knowledgeBase());
        return new LiveRules(null, guide, maxFirings);
    }

    /** Rules from a folder, starting from an instance already compiled from it. */
    public static LiveRules of(Path folder, Nanoguide guide, int maxFirings) throws RulesInvalidException {
        checked(guide.knowledgeBase());
        return new LiveRules(folder, guide, maxFirings);
    }

    private static Nanoguide checked(KnowledgeBase kb) throws RulesInvalidException {
        List<RuleProblem> problems = ReloadCheck.problems(kb);
        if (!problems.isEmpty()) throw new RulesInvalidException(problems);
        return Nanoguide.of(kb);
    }

    /** The rules to answer with. Read it once per request and keep it. */
    public Nanoguide current() { return current.get(); }

    /** The folder reloads read, or null when the rules are fixed. */
    public Path folder() { return folder; }

    public ReloadStatus lastReload() { return lastReload; }

    /** How many reloads since start ended so; the last one alone is {@link #lastReload()}. */
    public long reloads(ReloadOutcome outcome) { return reloads.get(outcome).get(); }

    /** For tests: a shorter trial, so a hanging rule is found out quickly. */
    LiveRules withTrialLimit(Duration limit) {
        this.trialLimit = limit;
        return this;
    }

    /**
     * Reads the folder again and serves its rules if they differ, compile and pass the checks.
     * Safe to call from any thread; calls are serialised. Never throws: a failure is logged and
     * kept in {@link #lastReload()}, and the old rules keep serving.
     *
     * @return true when new rules now serve
     */
    public synchronized boolean reload() {
        if (folder == null) return false;
        ReloadOutcome outcome = attempt();
        reloads.get(outcome).incrementAndGet();
        return outcome == ReloadOutcome.APPLIED;
    }

    private ReloadOutcome attempt() {
        Instant at = Instant.now();
        Nanoguide old = current.get();
        try {
            RuleFiles files = RuleFiles.fromFolder(folder);
            if (files.fingerprint().equals(old.knowledgeBase().fingerprint())) {
                LOG.debug("rules in {} unchanged ({})", folder, files.fingerprint());
                lastReload = new ReloadStatus(at, null, List.of());
                return ReloadOutcome.UNCHANGED;
            }
            KnowledgeBase kb = KnowledgeBaseLoader.compile(files);
            Nanoguide next = checked(kb).withMaxFirings(maxFirings);
            String failed = new ReloadTrial(ReloadTrial.examplesBeside(folder), trialLimit).failure(next);
            if (failed != null) {
                lastReload = new ReloadStatus(at, "the edited rules were not loaded: " + failed + "; still serving "
                        + old.knowledgeBase().fingerprint(), List.of(failed));
                LOG.warn("rules reload from {} refused, still serving {}: {}", folder, old.knowledgeBase().fingerprint(), failed);
                return ReloadOutcome.REFUSED;
            }
            current.set(next);
            lastReload = new ReloadStatus(at, null, List.of());
            LOG.info("rules reloaded from {}: {} rules, {} (was {} rules, {})", folder, kb.ruleCount(), kb.fingerprint(),
                    old.knowledgeBase().ruleCount(), old.knowledgeBase().fingerprint());
            return ReloadOutcome.APPLIED;
        } catch (RulesInvalidException e) {
            List<String> problems = e.problems().stream().map(RuleProblem::toString).toList();
            long errors = e.problems().stream().filter(RuleProblem::isError).count();
            String error = "the edited rules were not loaded (" + errors + " error" + (errors == 1 ? "" : "s")
                    + "); still serving " + old.knowledgeBase().fingerprint() + ": " + String.join("; ", problems);
            lastReload = new ReloadStatus(at, error, problems);
            LOG.warn("rules reload from {} failed, still serving {}:\n  {}", folder, old.knowledgeBase().fingerprint(),
                    problems.stream().collect(Collectors.joining("\n  ")));
            return ReloadOutcome.REFUSED;
        } catch (IOException | RuntimeException | Error e) { // NOPMD: out of memory in a reload leaves the old rules serving
            String error = "the rules could not be read (" + e.getMessage() + "); still serving " + old.knowledgeBase().fingerprint();
            lastReload = new ReloadStatus(at, error, List.of(String.valueOf(e.getMessage())));
            LOG.warn("rules reload from {} failed, still serving {}: {}", folder, old.knowledgeBase().fingerprint(), e.toString());
            return ReloadOutcome.REFUSED;
        }
    }
}
