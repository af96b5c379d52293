package org.nanoguide.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.nanoguide.Nanoguide;
import org.nanoguide.TestKb;
import org.nanoguide.explain.Result;
import org.nanoguide.check.KnowledgeBaseDocs;
import org.nanoguide.model.CaseInput;

/**
 * docs/knowledge-base.md and docs/guidance-coverage.md are generated from the real rules and
 * example cases; these tests fail when either is stale, and rewrite both when run with
 * {@code -Dnanoguide.regenerate=true}. Every guidance item must have a rule and an example case.
 */
class KnowledgeBaseDocsTest {
    static final String REGENERATE = "mvn -B -q -o test -Dtest=KnowledgeBaseDocsTest -Dnanoguide.regenerate=true";
    static final Path KB_DOC = TestKb.ROOT.resolve("docs/knowledge-base.md");
    static final Path COVERAGE_DOC = TestKb.ROOT.resolve("docs/guidance-coverage.md");

    /** Each example case's id and the ids of the rules that fired for it. */
    static Map<String, Set<String>> firedByCase() throws Exception {
        Map<String, Set<String>> out = new TreeMap<>();
        List<Path> files;
        files = TestKb.exampleCases();
        for (Path p : files) {
            for (CaseInput in : Nanoguide.reader().readDocument(p.toString(), "x", Files.readAllBytes(p), 0).cases()) {
                Result r = TestKb.guide().withTrace(true).evaluate(((CaseInput.Valid) in).value());
                Set<String> fired = new LinkedHashSet<>();
                for (Result.TraceStep t : r.trace()) fired.add(t.ruleId());
                out.put(r.caseId(), fired);
            }
        }
        return out;
    }

    static void assertCurrent(Path file, String generated) throws Exception {
        if (Boolean.getBoolean("nanoguide.regenerate")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) fail(TestKb.ROOT.relativize(file) + " is missing; generate it with: " + REGENERATE);
        String onDisk = Files.readString(file, StandardCharsets.UTF_8);
        if (!onDisk.equals(generated)) {
            fail(TestKb.ROOT.relativize(file) + " is stale (the rules or cases changed); regenerate it with: " + REGENERATE);
        }
    }

    @Test
    void knowledgeBaseDocIsCurrent() throws Exception {
        assertCurrent(KB_DOC, KnowledgeBaseDocs.markdown(TestKb.kb()));
    }

    @Test
    void everyGuidanceItemHasARuleAndAnExampleCase() throws Exception {
        List<String> gaps = KnowledgeBaseDocs.gaps(TestKb.kb(), firedByCase());
        assertEquals(List.of(), gaps, () -> "guidance items not covered:\n" + String.join("\n", gaps));
    }

    @Test
    void guidanceCoverageDocIsCurrent() throws Exception {
        assertCurrent(COVERAGE_DOC, KnowledgeBaseDocs.coverageMarkdown(TestKb.kb(), firedByCase()));
    }

    @Test
    void theDocNamesEveryRule() {
        String doc = KnowledgeBaseDocs.markdown(TestKb.kb());
        TestKb.kb().rules().forEach(r -> assertTrue(doc.contains("`" + r.id() + "`"), r.id()));
    }
}
