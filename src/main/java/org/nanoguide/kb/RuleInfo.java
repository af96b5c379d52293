package org.nanoguide.kb;

import java.util.List;
import java.util.Map;

/**
 * What the knowledge base knows of one rule: its stable id, the name a clinician reads, where
 * the review says it ({@code section}, {@code refs}), how strongly it supports its conclusion,
 * and where it is written ({@code file}:{@code line}).
 *
 * @param strength the rule's {@code @strength} in [0, 1], or null when the rule has none
 * @param metadata every metadata key of the rule, as written
 */
public record RuleInfo(
        String id,
        String name,
        String section,
        List<Integer> refs,
        Double strength,
        String file,
        int line,
        String packageName,
        Map<String, String> metadata) {

    public RuleInfo {
        refs = List.copyOf(refs);
        metadata = Map.copyOf(metadata);
    }

    /** How results and lists cite the rule: its id, else its name. */
    public String label() { return id != null ? id : name; }

    /** How messages name the rule: its id, else its name in quotes. */
    public String quotedLabel() { return id != null ? id : "\"" + name + "\""; }

    /** {@code file:line}, how editors and compilers name a place. */
    public String location() { return file + ":" + line; }

    public String source() {
        return metadata.get("source");
    }

    /** The review's sentences the rule rests on ({@code @quote}), or null. */
    public String quote() {
        return metadata.get("quote");
    }
}
