package org.nanoguide.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.impl.InternalRuleBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.Nanoguide;
import org.nanoguide.TestKb;
import org.nanoguide.model.CaseGenerator;

/**
 * The rules precompiled at build time (executable model) against the DRL build of the same
 * rules/: same rules and metadata, and byte for byte the same results, traces included (the
 * trace lists firings in order, so this also checks the agenda order). Edited rules fall back to
 * the DRL build.
 */
class PrecompiledRulesTest {
    private static RuleFiles files;
    private static Nanoguide precompiled;
    private static Nanoguide drl;

    @BeforeAll
    static void load() throws Exception {
        files = RuleFiles.fromFolder(TestKb.RULES);
        precompiled = Nanoguide.of(KnowledgeBaseLoader.compile(files));
        drl = Nanoguide.of(KnowledgeBaseLoader.compileDrl(files));
    }

    @Test
    void theBuildPrecompiledTheProjectRules() {
        assertTrue(KnowledgeBaseLoader.isPrecompiled(files),
                "target/classes has no executable model of rules/ (did RulesPrecompiler run in process-classes?)");
        assertTrue(KnowledgeBaseLoader.isPrecompiled(RuleFiles.bundled()), "the bundled copy is the same rules");
        // the DRL build keeps each rule's resource, the executable model does not: which one is which
        assertTrue(rulesOf(precompiled).allMatch(r -> r.getResource() == null), "loaded from the precompiled classes");
        assertTrue(rulesOf(drl).allMatch(r -> r.getResource() != null), "compiled from DRL");
    }

    @Test
    void bothBuildsAreImmutable() {
        // an immutable knowledge base lets a pooled session keep its facts in one identity map, not a store per class
        for (Nanoguide g : List.of(precompiled, drl)) {
            assertFalse(((InternalRuleBase) g.knowledgeBase().kieBase()).getKieBaseConfiguration().isMutabilityEnabled());
        }
    }

    @Test
    void theIndexRecordsBothFingerprintsOfTheRulesItWasBuiltFrom() {
        // the fingerprint of all the files lets an unedited rules/ be recognised without hashing its .drl files again
        assertEquals(files.fingerprint(), PrecompiledRules.index().filesFingerprint());
        assertEquals(files.drlFingerprint(), PrecompiledRules.index().fingerprint());
    }

    @Test
    void onlyRuleClassesWereWritten() throws Exception {
        // the project class and kmodule files would make the jar look like a kjar to KieServices
        var list = getClass().getClassLoader().getResource(PrecompiledIndex.CLASS_LIST);
        assertTrue(list != null, "no list of generated classes");
        List<String> classes = new String(list.openStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertFalse(classes.isEmpty());
        assertTrue(classes.stream().allMatch(c -> c.endsWith(".class") && !c.startsWith("org/drools/project/model/")), classes.toString());
        assertTrue(getClass().getClassLoader().getResource("META-INF/kmodule.xml") == null, "no kmodule.xml on the class path");
    }

    private static Stream<RuleImpl> rulesOf(Nanoguide guide) {
        return guide.knowledgeBase().kieBase().getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(RuleImpl.class::cast);
    }

    @Test
    void sameRulesMetadataVersionAndFingerprint() {
        assertEquals(drl.rules(), precompiled.rules());
        assertEquals(drl.version(), precompiled.version());
        assertEquals(drl.fingerprint(), precompiled.fingerprint());
        assertEquals(drl.knowledgeBase().title(), precompiled.knowledgeBase().title());
        assertTrue(precompiled.rules().stream().allMatch(r -> r.line() > 0 && !r.file().equals("?")), "every rule has file:line");
    }

    @Test
    void sameJsonForEveryExampleCase() throws Exception {
        List<Path> cases;
        cases = TestKb.exampleCases();
        assertFalse(cases.isEmpty());
        for (Path p : cases) {
            String json = Files.readString(p, StandardCharsets.UTF_8);
            // with the trace: it lists the firings in order, which the load order must reproduce
            assertEquals(Nanoguide.toJson(drl.withTrace(true).evaluateAll(json)),
                    Nanoguide.toJson(precompiled.withTrace(true).evaluateAll(json)), p.toString());
        }
    }

    @Test
    void sameJsonForGeneratedCases() throws Exception {
        CaseGenerator g = new CaseGenerator(20_250_101L);
        for (int i = 0; i < 400; i++) {
            String json = g.next().toString();
            assertEquals(Nanoguide.toJson(drl.withTrace(true).evaluate(json)), Nanoguide.toJson(precompiled.withTrace(true).evaluate(json)), json);
        }
    }

    @Test
    void rulesBasesLoadedAtOnceFromTheSameClassesAgree() throws Exception {
        // a hot reload builds a new base from the same generated classes while the old one serves
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<KnowledgeBase>> loads = List.of(
                    pool.submit(() -> KnowledgeBaseLoader.compile(files)), pool.submit(() -> KnowledgeBaseLoader.compile(files)));
            CaseGenerator g = new CaseGenerator(7);
            List<String> cases = Stream.generate(() -> g.next().toString()).limit(50).toList();
            for (var load : loads) {
                Nanoguide other = Nanoguide.of(load.get());
                for (String json : cases) {
                    assertEquals(Nanoguide.toJson(precompiled.evaluate(json)), Nanoguide.toJson(other.evaluate(json)), json);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void editedRulesAreCompiledFromDrl(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        Files.writeString(rules.resolve("liposomes.drl"), "\n// a harmless comment\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        RuleFiles edited = RuleFiles.fromFolder(rules);
        assertFalse(KnowledgeBaseLoader.isPrecompiled(edited));
        KnowledgeBase kb = KnowledgeBaseLoader.compile(edited);
        assertNotEquals(precompiled.fingerprint(), kb.fingerprint());
        assertEquals(precompiled.rules(), kb.rules(), "a comment at the end moves no rule");
    }

    @Test
    void onlyTheVersionChangedKeepsThePrecompiledRules(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        Path props = rules.resolve(RuleFiles.PROPERTIES);
        Files.writeString(props, Files.readString(props).replaceFirst("(?m)^version=.*$", "version=9999.1"));
        RuleFiles edited = RuleFiles.fromFolder(rules);
        assertTrue(KnowledgeBaseLoader.isPrecompiled(edited), "the model depends on the .drl files only");
        KnowledgeBase kb = KnowledgeBaseLoader.compile(edited);
        assertEquals("9999.1", kb.version());
        assertNotEquals(precompiled.fingerprint(), kb.fingerprint(), "results still carry the fingerprint of all files");
    }

    @Test
    void theGuidanceListIsFingerprintedButKeepsThePrecompiledRules(@TempDir Path tmp) throws Exception {
        assertTrue(files.file(RuleFiles.GUIDANCE).isPresent(), "rules/ has its guidance list");
        Path rules = TestKb.copyOfRules(tmp);
        Files.writeString(rules.resolve(RuleFiles.GUIDANCE), "B6\tA new item\n", java.nio.file.StandardOpenOption.APPEND);
        RuleFiles edited = RuleFiles.fromFolder(rules);
        assertTrue(KnowledgeBaseLoader.isPrecompiled(edited), "the model depends on the .drl files only");
        assertNotEquals(files.fingerprint(), edited.fingerprint(), "results carry a fingerprint that covers the guidance list");
    }

    @Test
    void aCompileErrorInEditedRulesStillNamesFileAndLine(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        Path file = rules.resolve("polymeric.drl");
        List<String> lines = Files.readAllLines(file);
        int broken = lines.size() + 2;
        Files.writeString(file, String.join("\n", lines) + "\n\nrule \"Broken on purpose\"\nwhen\n    Tumor( noSuchField == 1 )\nthen\nend\n");
        RulesInvalidException e = assertThrows(RulesInvalidException.class, () -> KnowledgeBaseLoader.load(rules));
        RuleProblem p = e.problems().get(0);
        assertEquals("polymeric.drl", p.file(), e.getMessage());
        assertTrue(p.line() >= broken && p.line() <= broken + 3, e.getMessage());
    }
}
