package org.nanoguide.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.check.KnowledgeBaseDocs;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.kb.RuleSource;

/** Every rule in rules/ carries the metadata that makes its conclusions citable and documented. */
class RuleMetadataTest {
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SUPPORTS = Pattern.compile("new\\s+(Recommendation|Targeted|Drawback)\\s*\\(");

    @Test
    void everyRuleHasIdSectionRefsGuidanceAndConcludes() {
        List<String> problems = new ArrayList<>();
        Map<String, String> items = KnowledgeBaseDocs.guidanceItems(TestKb.kb().files());
        for (RuleInfo r : TestKb.kb().rules()) {
            String where = r.location() + " \"" + r.name() + "\"";
            if (r.id() == null || !KEBAB.matcher(r.id()).matches()) problems.add(where + ": @id missing or not kebab-case: " + r.id());
            if (r.section() == null || r.section().isBlank()) problems.add(where + ": no @section");
            if (!r.metadata().containsKey("refs")) problems.add(where + ": no @refs (write @refs(\"\") when the review cites none)");
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

    @Test
    void idsAreUnique() {
        Map<String, String> seen = new HashMap<>();
        List<String> dups = new ArrayList<>();
        for (RuleInfo r : TestKb.kb().rules()) {
            String before = seen.putIfAbsent(r.id(), r.location());
            if (before != null) dups.add(r.id() + " at " + before + " and " + r.location());
        }
        assertEquals(List.of(), dups);
    }

    @Test
    void rulesThatSupportOrWeighAgainstHaveAStrength() {
        Map<String, String> bodies = bodies();
        List<String> missing = new ArrayList<>();
        for (RuleInfo r : TestKb.kb().rules()) {
            String body = bodies.getOrDefault(r.name(), "");
            if (SUPPORTS.matcher(body).find() && r.strength() == null) missing.add(r.location() + " " + r.id());
            if (r.strength() != null && (r.strength() < 0 || r.strength() > 1)) missing.add(r.location() + " strength out of [0, 1]");
        }
        assertEquals(List.of(), missing, "rules inserting Recommendation/Targeted/Drawback need @strength in [0, 1]");
    }

    /** The text of each rule (from "rule" to its "end"), by rule name. */
    private static Map<String, String> bodies() {
        Map<String, String> out = new HashMap<>();
        for (RuleSource src : RuleSource.of(TestKb.kb().files())) {
            for (RuleSource.Rule r : src.rules()) out.put(r.name(), r.text());
        }
        return out;
    }
}
