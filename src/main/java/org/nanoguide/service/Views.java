package org.nanoguide.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.nanoguide.kb.RuleInfo;

/** The JSON bodies of the service's read-only endpoints. */
final class Views {
    private Views() { }

    /**
     * {@code GET /v1/health}.
     *
     * @param status          {@code ok}; {@code degraded} when the last reload failed (the older rules still serve)
     * @param rules           how many rules serve
     * @param fingerprint     sha256 of the serving rule files, as in every result's {@code knowledgeBase}
     * @param version         the serving knowledge base's version, as in every result's {@code knowledgeBase}
     * @param loadedAt        when the serving rules were compiled (ISO-8601, UTC)
     * @param lastReloadError why the last reload failed, or null when it succeeded (or none was tried)
     * @param lastReloadAt    when the last reload was tried, or null
     * @param rulesFrom       the rules folder's name (never its path on the server), or {@code bundled}
     * @param watching        whether the folder is watched for changes
     * @param nanoguide       the program's version
     */
    @JsonPropertyOrder({"status", "rules", "fingerprint", "version", "loadedAt", "lastReloadError", "lastReloadProblems",
            "lastReloadAt", "rulesFrom", "watching", "nanoguide"})
    record Health(String status, int rules, String fingerprint, String version, String loadedAt, String lastReloadError,
                  List<String> lastReloadProblems, String lastReloadAt, String rulesFrom, boolean watching, String nanoguide) { }

    /** {@code GET /v1/rules}. */
    @JsonPropertyOrder({"version", "fingerprint", "count", "rules"})
    record Rules(String version, String fingerprint, int count, List<RuleInfo> rules) { }
}
