package org.nanoguide.check;

import org.nanoguide.kb.RuleFiles;

/**
 * Whether the rules changed since their knowledge base's version was declared. The version is
 * {@code version} in {@code knowledge-base.properties}; beside it, {@code versionedRules} records
 * the fingerprint of the rule files that version names (every file of the folder but the
 * properties). When the two differ the author edited the medicine without raising the version,
 * and results would carry an old version over new advice. A folder that records no fingerprint
 * gets no reminder: there is nothing to compare with.
 */
public final class VersionReminder {
    private VersionReminder() { }

    /** The reminder, or null when the recorded fingerprint matches the rules (or none is recorded). */
    public static String of(RuleFiles files) {
        String recorded = files.properties().getProperty(RuleFiles.VERSIONED_RULES);
        if (recorded == null || recorded.isBlank()) return null;
        String now = files.rulesFingerprint();
        if (recorded.strip().equals(now)) return null;
        String version = files.properties().getProperty("version", "unversioned");
        return "the rules changed since version " + version + " was declared for them, but the version did not: in "
                + files.pathOf(RuleFiles.PROPERTIES) + " raise version=" + version + " and set " + RuleFiles.VERSIONED_RULES + "=" + now;
    }
}
