package org.nanoguide.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.check.KnowledgeBaseDocs;
import org.nanoguide.check.Lint;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.kb.RuleProblem;

/**
 * Every rule in rules/ carries the metadata that makes its conclusions citable and documented.
 * The authoring policy (ids, sections, refs, strengths) is the lint's; this project adds that a
 * rule names its guidance items and says what it concludes.
 */
class RuleMetadataTest {
    @Test
    void theLintFindsNoErrorInTheRules() {
        List<RuleProblem> errors = Lint.run(TestKb.kb().files()).stream().filter(RuleProblem::isError).toList();
        assertEquals(List.of(), errors, () -> errors.stream().map(RuleProblem::toString).reduce("", (a, b) -> a + b + "\n"));
    }

    @Test
    void rulesThatSupportOrWeighAgainstHaveAStrength() {
        // a warning for authors elsewhere; here a rule without @strength would count as 0.5 unnoticed
        List<RuleProblem> missing = Lint.run(TestKb.kb().files()).stream()
                .filter(p -> p.kind() == RuleProblem.Kind.MISSING_STRENGTH).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void everyRuleNamesKnownGuidanceItemsAndWhatItConcludes() {
        List<String> problems = new ArrayList<>();
        Map<String, String> items = KnowledgeBaseDocs.guidanceItems(TestKb.kb().files());
        for (RuleInfo r : TestKb.kb().rules()) {
            String where = r.location() + " \"" + r.name() + "\"";
            List<String> g = KnowledgeBaseDocs.guidance(r);
            if (g.isEmpty()) problems.add(where + ": no @guidance");
            for (String item : g) {
                if (!items.containsKey(item)) problems.add(where + ": unknown guidance item " + item);
            }
            String concludes = r.metadata().get("concludes");
            if (concludes == null || concludes.isBlank()) problems.add(where + ": no @concludes");
        }
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }
}
