package org.nanoguide.kb;

import java.nio.file.Path;
import org.kie.api.KieBase;
import org.kie.api.KieServices;

/** Knowledge bases built otherwise than nanoguide builds them, for the benchmarks of what a choice earns. */
public final class BenchKieBases {
    private BenchKieBases() { }

    /**
     * The precompiled rules in a knowledge base with Drools' default configuration (mutable),
     * against which {@link KnowledgeBase#configuration()} is measured; null unless the rules
     * folder is the one precompiled at build time.
     */
    public static KieBase mutable(Path rulesDir) throws Exception {
        if (!KnowledgeBaseLoader.isPrecompiled(RuleFiles.fromFolder(rulesDir))) return null;
        return PrecompiledRules.kieBase(PrecompiledRules.index(), KieServices.get().newKieBaseConfiguration());
    }
}
