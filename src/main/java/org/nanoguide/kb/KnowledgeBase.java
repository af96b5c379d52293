package org.nanoguide.kb;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.KieBaseMutabilityOption;

/**
 * A compiled knowledge base: immutable and thread-safe, shared by every evaluation.
 * Its version and fingerprint go into every result, so any answer can be replayed.
 */
public final class KnowledgeBase {
    private final KieBase kieBase;
    private final RuleFiles files;
    private final String version;
    private final String fingerprint;
    private final List<RuleInfo> rules;
    /** Each rule by its Drools package, then name: looked up on every firing, so without building a key string. */
    private final Map<String, Map<String, RuleInfo>> byPackage;
    private final Map<String, RuleInfo> byId;
    private final Instant loadedAt;
    private final org.kie.api.runtime.KieSessionsPool sessions;
    private final List<org.nanoguide.facts.Product> products;

    /**
     * @param fingerprint the files' {@link RuleFiles#fingerprint()}, which the loader has computed already
     * @param products    the files' catalogue, which the loader has validated already
     */
    KnowledgeBase(KieBase kieBase, RuleFiles files, String fingerprint, List<org.nanoguide.facts.Product> products,
                  List<RuleInfo> rules) {
        this.kieBase = kieBase;
        this.files = files;
        this.version = files.properties().getProperty("version", "unversioned");
        this.fingerprint = fingerprint;
        this.rules = List.copyOf(rules);
        this.byId = rules.stream().filter(r -> r.id() != null)
                .collect(Collectors.toUnmodifiableMap(RuleInfo::id, Function.identity(), (a, b) -> a));
        this.products = List.copyOf(products);
        this.byPackage = rules.stream().collect(Collectors.groupingBy(RuleInfo::packageName,
                Collectors.toUnmodifiableMap(RuleInfo::name, Function.identity())));
        this.loadedAt = Instant.now();
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    }

    /**
     * The configuration every knowledge base is built with. Immutable: rules are never added to
     * a built one (an edit builds a new one), and Drools then keeps a session's facts in one
     * identity map instead of a store per fact class, which a pooled session would rebuild for
     * every case. It also drops from a session's store a fact that no pattern can match; the
     * engine learns the conclusions from insertion events, not from the store, so none is lost.
     */
    static KieBaseConfiguration configuration() {
        KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration();
        conf.setOption(KieBaseMutabilityOption.DISABLED);
        return conf;
    }

    /**
     * A session for one evaluation, from a pool: building a session's network memory costs more
     * than most evaluations, so sessions are reset and reused. Dispose it to give it back.
     */
    public org.kie.api.runtime.KieSession newSession() {
        return sessions.newKieSession();
    }

    static String key(String pkg, String name) { return pkg + "/" + name; }

    public KieBase kieBase() { return kieBase; }

    public RuleFiles files() { return files; }

    /** The product catalogue's rows, which every evaluation sees as {@code Product} facts. */
    public List<org.nanoguide.facts.Product> products() { return products; }

    public String version() { return version; }

    public String fingerprint() { return fingerprint; }

    public String title() { return files.properties().getProperty("title", "nanoguide knowledge base"); }

    /** Every rule, in file and line order. */
    public List<RuleInfo> rules() { return rules; }

    public int ruleCount() { return rules.size(); }

    public Instant loadedAt() { return loadedAt; }

    public Optional<RuleInfo> rule(String id) { return Optional.ofNullable(byId.get(id)); }

    /** The rule of a Drools rule object, by package and name. */
    public RuleInfo ruleOf(org.kie.api.definition.rule.Rule rule) {
        Map<String, RuleInfo> pkg = byPackage.get(rule.getPackageName());
        RuleInfo info = pkg == null ? null : pkg.get(rule.getName());
        if (info == null) throw new IllegalStateException("rule not in this knowledge base: " + rule.getName());
        return info;
    }
}
