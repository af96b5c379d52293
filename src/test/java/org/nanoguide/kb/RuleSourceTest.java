package org.nanoguide.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;

/** The one reader of DRL text, against the compiled rules and on files that do not parse. */
class RuleSourceTest {
    /** Each rule of the source as "file name -> id file:line", to compare with the compiled rules. */
    private static Map<String, String> fromSource(RuleFiles files) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (RuleSource src : RuleSource.of(files)) {
            assertTrue(src.parsed(), src.file() + " parses");
            for (RuleSource.Rule r : src.rules()) out.put(r.file() + " " + r.name(), r.id() + " " + r.location());
        }
        return out;
    }

    private static Map<String, String> fromCompiled(KnowledgeBase kb) {
        return kb.rules().stream().collect(Collectors.toMap(r -> r.file() + " " + r.name(), r -> r.id() + " " + r.location(),
                (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void agreesWithTheCompiledRulesOnIdFileAndLine() throws Exception {
        RuleFiles files = RuleFiles.fromFolder(TestKb.RULES);
        Map<String, String> source = fromSource(files);
        assertFalse(source.isEmpty());
        assertEquals(source, fromCompiled(TestKb.kb()), "precompiled rules");
        assertEquals(source, fromCompiled(KnowledgeBaseLoader.compileDrl(files)), "rules compiled from DRL");
    }

    @Test
    void theFallbackScannerFindsTheSameRulesAsTheParser() throws Exception {
        // a file that does not parse is read by the scanner: break each real file at its end and compare
        for (RuleSource src : RuleSource.of(RuleFiles.fromFolder(TestKb.RULES))) {
            RuleSource broken = RuleSource.of(src.file(), src.text() + "\nrule \"unfinished\" when Tumor( \n");
            assertFalse(broken.parsed(), src.file());
            List<RuleSource.Rule> scanned = new ArrayList<>(broken.rules());
            assertEquals("unfinished", scanned.remove(scanned.size() - 1).name());
            assertEquals(src.rules().stream().map(r -> r.name() + " " + r.line() + "-" + r.endLine() + " when " + r.whenLine()
                            + " then " + r.thenLine() + " " + r.hasConditions() + " " + r.metadata()).toList(),
                    scanned.stream().map(r -> r.name() + " " + r.line() + "-" + r.endLine() + " when " + r.whenLine()
                            + " then " + r.thenLine() + " " + r.hasConditions() + " " + r.metadata()).toList(), src.file());
        }
    }

    @Test
    void everyMetadataEntryAsWrittenWithItsPlace() {
        String drl = "package p;\n\nrule \"Q\"\n    @id(\"q\") @quote(\"EPR is \\\"leaky\\\" (3.1)\")\n"
                + "    @quote('second') @flag\nwhen\n    Tumor( solid )\nthen\nend\n";
        RuleSource src = RuleSource.of("q.drl", drl);
        assertTrue(src.parsed());
        RuleSource.Rule r = src.rules().get(0);
        assertEquals(List.of(new RuleSource.Meta("id", "q", 4, 5), new RuleSource.Meta("quote", "EPR is \\\"leaky\\\" (3.1)", 4, 14),
                new RuleSource.Meta("quote", "second", 5, 5), new RuleSource.Meta("flag", null, 5, 22)), r.metadata());
        assertEquals("EPR is \\\"leaky\\\" (3.1)", r.meta().get("quote"), "meta() keeps the first of a repeated key");
        assertEquals(6, r.whenLine());
        assertEquals(8, r.thenLine());
        assertTrue(r.hasConditions());
        assertEquals(r, src.ruleAt(7));
        assertEquals(drl.substring(drl.indexOf("rule")), r.text());
    }

    @Test
    void rulesWithoutConditions() {
        RuleSource src = RuleSource.of("d.drl", "rule \"D\" when\nthen\nend\nrule \"E\"\nwhen\n  // nothing\nthen\nend\n");
        assertEquals(List.of(false, false), src.rules().stream().map(RuleSource.Rule::hasConditions).toList());
        Function<RuleSource.Rule, Integer> order = RuleSource.Rule::order;
        assertEquals(List.of(0, 1), src.rules().stream().map(order).toList());
    }
}
