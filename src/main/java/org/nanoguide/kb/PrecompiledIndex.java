package org.nanoguide.kb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.kie.api.definition.rule.Rule;

/**
 * What the build writes beside the precompiled rules and {@link PrecompiledRules} reads back:
 * the fingerprint of the {@code .drl} files they were built from, the fingerprint of all the rule
 * files beside them, the model classes, and for every rule its file, line and load order in that
 * file, which the executable model does not keep. The one place this format is written and read.
 *
 * @param fingerprint      of the {@code .drl} files the model was built from: the model applies while they match it
 * @param filesFingerprint of every rule file at that build ({@link RuleFiles#fingerprint()}), or null when not
 *                         recorded: files that still have it have those {@code .drl} files too, which saves
 *                         hashing them twice at start-up
 * @param rules            by {@link KnowledgeBase#key package and name}
 */
public record PrecompiledIndex(String fingerprint, String filesFingerprint, List<String> models, Map<String, Entry> rules) {
    /** Class path resource: this index, as properties. */
    public static final String INDEX = "nanoguide/precompiled-rules.properties";
    /** Class path resource: the class files generated (so a rebuild removes them first). */
    public static final String CLASS_LIST = "nanoguide/precompiled-rules.classes";
    /** The property that holds {@link #filesFingerprint()}, which the build also refreshes on its own. */
    public static final String FILES = "files";

    /** One rule: where it is written and its load order in its file, as the DRL build numbers it. */
    public record Entry(String packageName, String name, String file, int line, int order) { }

    public PrecompiledIndex {
        models = List.copyOf(models);
        rules = Map.copyOf(rules);
    }

    /** An index of these rules, in the order given. */
    public static PrecompiledIndex of(String fingerprint, String filesFingerprint, List<String> models, List<Entry> entries) {
        Map<String, Entry> rules = new HashMap<>();
        for (Entry e : entries) rules.put(KnowledgeBase.key(e.packageName(), e.name()), e);
        return new PrecompiledIndex(fingerprint, filesFingerprint, models, rules);
    }

    Entry of(Rule r) { return rules.get(KnowledgeBase.key(r.getPackageName(), r.getName())); }

    /** As properties: {@code fingerprint}, {@code files}, {@code models}, {@code rules} and {@code rule.N.package/name/file/line/order}. */
    public Properties toProperties() {
        Properties p = new Properties();
        List<Entry> sorted = rules.values().stream()
                .sorted(java.util.Comparator.comparing(Entry::file).thenComparingInt(Entry::order)).toList();
        for (int n = 0; n < sorted.size(); n++) {
            Entry e = sorted.get(n);
            String key = "rule." + n + ".";
            p.setProperty(key + "package", e.packageName());
            p.setProperty(key + "name", e.name());
            p.setProperty(key + "file", e.file());
            p.setProperty(key + "line", Integer.toString(e.line()));
            p.setProperty(key + "order", Integer.toString(e.order()));
        }
        p.setProperty("rules", Integer.toString(sorted.size()));
        p.setProperty("models", String.join(",", models));
        p.setProperty("fingerprint", fingerprint);
        if (filesFingerprint != null) p.setProperty(FILES, filesFingerprint);
        return p;
    }

    public static PrecompiledIndex from(Properties p) {
        int n = Integer.parseInt(p.getProperty("rules", "0"));
        List<Entry> entries = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
            String key = "rule." + k + ".";
            entries.add(new Entry(p.getProperty(key + "package"), p.getProperty(key + "name"), p.getProperty(key + "file"),
                    Integer.parseInt(p.getProperty(key + "line", "0")), Integer.parseInt(p.getProperty(key + "order"))));
        }
        return of(p.getProperty("fingerprint"), p.getProperty(FILES), List.of(p.getProperty("models", "").split(",")), entries);
    }
}
