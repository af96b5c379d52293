package org.nanoguide.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled rules as the Drools executable model, generated at build time by
 * {@link RulesPrecompiler} and loaded here as plain classes: no DRL parsing, no MVEL, no Java
 * compiler at start-up. Used only when the rule files have exactly the fingerprint the model was
 * built from; anything else (an edited {@code rules/}, another folder) is compiled from DRL.
 *
 * <p><b>Same firing order as the DRL build.</b> Drools orders the agenda by salience, then by
 * the rule's load order (lowest first), then by terminal node id (the order rules were added).
 * The DRL build numbers rules per file (0, 1, 2, ... in each file) and adds the files in path
 * order, so among rules of equal salience the first rule of every file comes before the second
 * rule of any. The executable model numbers rules across all files in an order of its own. This
 * class therefore gives every rule a load order that reproduces the DRL build's: rank by (order in
 * its file, file path). The index written at build time holds each rule's file and order in it.
 *
 * <p>Building a knowledge base from the model uses no global {@code KieRepository}, so it is
 * safe beside other builds. {@code -Dnanoguide.precompiled=false} turns this off (the DRL build
 * is then always used).
 */
final class PrecompiledRules {
    private static final Logger LOG = LoggerFactory.getLogger(PrecompiledRules.class);
    static final String SWITCH = "nanoguide.precompiled";

    private static final Object NONE = new Object();
    private static volatile Object index;

    private PrecompiledRules() { }

    /** The precompiled index, or null when this build has no precompiled rules. */
    static PrecompiledIndex index() {
        Object i = index;
        if (i == null) {
            i = readIndex();
            index = i == null ? NONE : i;
        }
        return i == NONE ? null : (PrecompiledIndex) i;
    }

    private static PrecompiledIndex readIndex() {
        Properties p = new Properties();
        try (InputStream in = PrecompiledRules.class.getClassLoader().getResourceAsStream(PrecompiledIndex.INDEX)) {
            if (in == null) return null;
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PrecompiledIndex.from(p);
    }

    /** Whether {@link #load} would use the precompiled rules for these files. */
    static boolean matches(RuleFiles files) {
        return matches(files, files.fingerprint());
    }

    /** @param fingerprint the files' {@link RuleFiles#fingerprint()}, which a knowledge base needs anyway */
    private static boolean matches(RuleFiles files, String fingerprint) {
        if ("false".equalsIgnoreCase(System.getProperty(SWITCH))) return false;
        PrecompiledIndex i = index();
        if (i == null) return false;
        // every file as at the build covers its .drl files; only after an edit are they hashed on their own
        return fingerprint.equals(i.filesFingerprint()) || i.fingerprint().equals(files.drlFingerprint());
    }

    /**
     * The knowledge base from the precompiled classes, or null when they do not apply to these
     * files (or cannot be loaded: then a warning, and the caller compiles the DRL).
     *
     * @param products the files' catalogue, already validated
     */
    static KnowledgeBase load(RuleFiles files, List<org.nanoguide.facts.Product> products) {
        String fingerprint = files.fingerprint();
        if (!matches(files, fingerprint)) return null;
        long start = System.nanoTime();
        PrecompiledIndex i = index();
        try {
            KieBase kieBase = kieBase(i, KnowledgeBase.configuration());
            KnowledgeBase kb = new KnowledgeBase(kieBase, files, fingerprint, products,
                    KnowledgeBaseLoader.ruleInfos(kieBase, r -> new KnowledgeBaseLoader.Placed(i.of(r).file(), i.of(r).line())));
            LOG.debug("loaded {} precompiled rules ({}) in {} ms", kb.ruleCount(), files.origin(), (System.nanoTime() - start) / 1_000_000);
            return kb;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warn("the precompiled rules could not be loaded ({}); compiling the DRL instead", e.toString());
            return null;
        }
    }

    /** The Drools knowledge base of the precompiled classes, its rules in the DRL build's order. */
    static KieBase kieBase(PrecompiledIndex i, KieBaseConfiguration conf) throws ReflectiveOperationException {
        List<Model> models = new ArrayList<>();
        for (String name : i.models()) {
            Class<?> c = Class.forName(name, true, PrecompiledRules.class.getClassLoader());
            models.add((Model) c.getDeclaredConstructor().newInstance());
        }
        KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(models, conf);
        orderAsDrl(kieBase, i);
        return kieBase;
    }

    /** Load orders that make the agenda pick rules in the DRL build's order (see the class comment). */
    private static void orderAsDrl(KieBase kieBase, PrecompiledIndex i) {
        List<RuleImpl> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                if (i.of(r) == null) throw new IllegalStateException("rule not in the precompiled index: " + r.getName());
                rules.add((RuleImpl) r);
            }
        }
        rules.sort(Comparator.<RuleImpl>comparingInt(r -> i.of(r).order()).thenComparing(r -> i.of(r).file()));
        for (int k = 0; k < rules.size(); k++) rules.get(k).setLoadOrder(k);
    }
}
