package org.nanoguide.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanoguide.kb.RuleFiles;
import org.nanoguide.kb.RuleProblem;
import org.nanoguide.kb.RuleSource;

/** The text-level lint: what it reads as code, as metadata, and what it leaves alone. */
class LintTest {
    private static List<RuleProblem> lint(String drl) {
        return Lint.run(new RuleFiles("test", List.of(new RuleFiles.RuleFile("t.drl", drl))));
    }

    @Test
    void commentsAndTextsAreNotCode() {
        String drl = "package p;\n// Carrier.NOT_IN_CODE in a comment\n/* Modality.NOR_HERE\n   across lines */\n"
                + "rule \"A // not a comment\"\n    @id(\"a\") @section(\"2.1\") @refs(\"9\")\n"
                + "    @source(\"https://example.org/x(1) and Carrier.IN_A_STRING\")\n"
                + "when\n    Tumor( solid )\nthen\n    insert(new Finding(\"F\", \"Carrier.ALSO_TEXT\"));\nend\n";
        assertEquals(List.of(), lint(drl));
        RuleSource src = RuleSource.of("t.drl", drl);
        assertEquals(1, src.rules().size());
        RuleSource.Rule r = src.rules().get(0);
        assertEquals("A // not a comment", r.name());
        assertEquals(5, r.line());
        assertEquals(12, r.endLine());
        assertEquals("https://example.org/x(1) and Carrier.IN_A_STRING", r.meta().get("source"));
    }

    @Test
    void vocabularyErrorsPointAtTheName() {
        String drl = "rule \"B\"\n    @id(\"b\") @section(\"2.1\") @refs(\"\") @strength(0.5)\nwhen\n"
                + "    Tumor( type == TumorType.BRAIN )\nthen\n    insert(new Warning(WarningCode.NO_SUCH, \"x\"));\n"
                + "    insert(new Recommendation(Carrier.valueOf(\"GOLD_NP\"), Modality.IMAGING, \"x\"));\nend\n";
        List<RuleProblem> problems = lint(drl);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().startsWith("t.drl:4:30: error: TumorType.BRAIN is not a known tumor type; the tumor types are: BREAST"),
                problems.get(0).toString());
        assertTrue(problems.get(1).toString().startsWith("t.drl:6:36: error: WarningCode.NO_SUCH is not a known warning code"), problems.get(1).toString());
    }

    @Test
    void strengthMustBeANumberInRange() {
        String drl = "rule \"C\"\n    @id(\"c\") @section(\"2.1\") @refs(\"1\") @strength(1.5)\nwhen\nthen\nend\n";
        List<RuleProblem> problems = lint(drl);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().startsWith("@strength(1.5) must be a number from 0.0 to 1.0"));
    }
}
