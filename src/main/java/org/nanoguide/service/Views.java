package org.nanoguide.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The JSON bodies of the service's read-only endpoints; {@code GET /v1/rules} answers a {@link org.nanoguide.kb.RuleListing}. */
final class Views {
    private Views() { }

    /**
     * {@code GET /v1/health}.
     *
     * @param status          {@code ok}; {@code degraded} when the service cannot answer correctly ({@code degradedBecause} says why)
     * @param degradedBecause why the status is {@code degraded}; empty when it is {@code ok}
     * @param rules           how many rules serve
     * @param fingerprint     sha256 of the serving rule files, as in every result's {@code knowledgeBase}
     * @param version         the serving knowledge base's version, as in every result's {@code knowledgeBase}
     * @param loadedAt        when the serving rules were compiled (ISO-8601, UTC)
     * @param lastReloadError why the last reload failed, or null when it succeeded (or none was tried)
     * @param lastReloadAt    when the last reload was tried, or null
     * @param rulesFrom       the rules folder's name (never its path on the server), or {@code bundled}
     * @param watching        whether the folder is watched for changes now (false once the watcher has stopped)
     * @param lastWatchEventAt when the watcher last saw a change to the folder, or null
     * @param stuckEvaluations evaluation threads stuck past their time limit (each replaced)
     * @param nanoguide       the program's version
     */
    @JsonPropertyOrder({"status", "degradedBecause", "rules", "fingerprint", "version", "loadedAt", "lastReloadError", "lastReloadProblems",
            "lastReloadAt", "rulesFrom", "watching", "lastWatchEventAt", "stuckEvaluations", "nanoguide"})
    record Health(String status, List<String> degradedBecause, int rules, String fingerprint, String version, String loadedAt,
                  String lastReloadError, List<String> lastReloadProblems, String lastReloadAt, String rulesFrom, boolean watching,
                  String lastWatchEventAt, int stuckEvaluations, String nanoguide) { }

    /** {@code GET /v1/health/live} and, when ready, {@code GET /v1/health/ready}. */
    record Probe(String status) { }
}
