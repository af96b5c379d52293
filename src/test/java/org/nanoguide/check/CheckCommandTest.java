package org.nanoguide.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;
import org.nanoguide.render.JsonRenderer;

/** `nanoguide check` and `nanoguide rules` on the real rules and on broken copies of them. */
class CheckCommandTest {
    private static final String HEADER = "package org.nanoguide.rules;\nimport org.nanoguide.model.*;\nimport org.nanoguide.facts.*;\n\n";

    private static Path copyRules(Path tmp) throws Exception {
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules);
        try (Stream<Path> s = Files.list(TestKb.RULES)) {
            for (Path p : s.toList()) Files.copy(p, rules.resolve(p.getFileName()));
        }
        return rules;
    }

    @Test
    void theProjectsRulesAndCasesAreClean() throws Exception {
        Cli.Run run = Cli.run("check", "--format", "json", "--rules", TestKb.RULES.toString(), TestKb.CASES.toString());
        JsonNode report = JsonRenderer.mapper().readTree(run.out());
        assertEquals(0, run.status(), run.out());
        assertEquals("ok", report.get("status").asText());
        assertTrue(report.get("cases").size() >= 1);
        assertEquals(TestKb.kb().ruleCount(), report.get("coverage").size(), "coverage lists every rule");
        Cli.Run text = Cli.run("check", "--rules", TestKb.RULES.toString(), TestKb.CASES.toString());
        assertTrue(text.out().contains("RESULT: ok"), text.out());
        assertTrue(text.out().contains("Rule coverage over these cases"), text.out());
    }

    @Test
    void compileErrorsNameFileLineAndRuleInTheAuthorsTerms(@TempDir Path tmp) throws Exception {
        Path rules = copyRules(tmp);
        Files.writeString(rules.resolve("zz-new.drl"), HEADER + """
                rule "Gold for shallow lesions"
                    @id("gold-shallow-new") @section("2.2(a)") @refs("15") @strength(0.5)
                when
                    Tumor( depthCmm < 0.5 )
                then
                    insert(new Recommendation(Carrier.GOLD_NANO, Modality.PHOTOTHERMAL, "x"));
                end
                """);
        Files.writeString(rules.resolve("zz-other.drl"), HEADER + """
                rule "Broken syntax"
                    @id("broken-syntax") @section("1") @refs("")
                when
                    Tumor( solid ==
                then
                end
                """);
        Cli.Run run = Cli.run("check", "--rules", rules.toString(), TestKb.CASES.toString());
        assertEquals(2, run.status(), run.out());
        String file = rules.resolve("zz-new.drl").toString();
        assertTrue(run.out().contains(file + ":8:"), run.out());
        assertTrue(run.out().contains("Tumor has no field 'depthCmm'; its fields are type, depthCm"), run.out());
        assertTrue(run.out().contains(file + ":10:39: error: Carrier.GOLD_NANO is not a known value; Carrier is one of LIPOSOME"), run.out());
        assertTrue(run.out().contains("(in rule \"Gold for shallow lesions\")"), run.out());
        assertTrue(run.out().contains(rules.resolve("zz-other.drl") + ":10:"), "the syntax error is placed: " + run.out());
        assertFalse(run.out().contains("Exception") || run.out().contains("\tat "), run.out());
        assertFalse(run.out().contains("null Package"), run.out());
    }

    @Test
    void lintFindsLabelsThresholdsAndWeights(@TempDir Path tmp) throws Exception {
        Path rules = copyRules(tmp);
        Files.writeString(rules.resolve("zz-new.drl"), HEADER + """
                rule "No labels at all"
                when
                    Tumor( sizeCm > 7.5 )
                then
                    insert(new Recommendation(Carrier.GOLD_NP, Modality.IMAGING, "x"));
                end

                rule "Misspelt metadata and a duplicate id"
                    @id("gold-photothermal") @section("2.2(a)") @refs("15") @strenght(0.5)
                when
                    Tumor( sizeCm > 7.5 )
                then
                    insert(new Caution(Carrier.GOLD_NP, "y"));
                end
                """);
        Cli.Run run = Cli.run("check", "--format", "json", "--rules", rules.toString(), TestKb.CASES.toString());
        assertEquals(1, run.status(), run.out());
        String lint = JsonRenderer.mapper().readTree(run.out()).get("lint").toString();
        assertTrue(lint.contains("no @id"), lint);
        assertTrue(lint.contains("no @section"), lint);
        assertTrue(lint.contains("no @refs"), lint);
        assertTrue(lint.contains("unknown metadata @strenght"), lint);
        assertTrue(lint.contains("is used by 2 rules"), lint);
        assertTrue(lint.contains("inserts a Recommendation but has no @strength"), lint);
        assertTrue(lint.contains("the threshold 7.5 is written as a bare number in 2 rules"), lint);
    }

    @Test
    void aCaseThatNoLongerGivesItsAdviceFailsWithExpectedBesideActual(@TempDir Path tmp) throws Exception {
        Path cases = tmp.resolve("cases");
        Files.createDirectories(cases);
        Files.writeString(cases.resolve("wrong.json"), """
                {"id": "wrong", "tumor": {"type": "GLIOBLASTOMA", "depthCm": 6}, "resources": {"alternatingMagneticField": true},
                 "expected": {"recommended": [{"carrier": "GOLD_NP", "modality": "PHOTOTHERMAL"}], "warnings": ["HEMATOLOGIC_MALIGNANCY"]}}
                """);
        Cli.Run run = Cli.run("check", "--rules", TestKb.RULES.toString(), cases.toString());
        assertEquals(1, run.status(), run.out());
        assertTrue(run.out().contains("FAIL " + cases.resolve("wrong.json") + " (case wrong)"), run.out());
        assertTrue(run.out().contains("expected recommended: GOLD_NP PHOTOTHERMAL; got #1"), run.out());
        assertTrue(run.out().contains("expected warning: HEMATOLOGIC_MALIGNANCY; got warnings"), run.out());
        assertTrue(run.out().contains("Never fired"), run.out());
    }

    @Test
    void conflictsAreListed(@TempDir Path tmp) throws Exception {
        Path cases = tmp.resolve("cases");
        Files.createDirectories(cases);
        Files.writeString(cases.resolve("hm.json"), """
                {"id": "hm", "patient": {"heavyMetalConcern": true}, "tumor": {"type": "SKIN", "depthCm": 0.3},
                 "goals": {"imaging": true, "realTimeMonitoring": true}, "resources": {"fluorescenceImaging": true},
                 "expected": {"excluded": ["HEAVY_METAL_QD"]}}
                """);
        Cli.Run run = Cli.run("check", "--format", "json", "--rules", TestKb.RULES.toString(), cases.toString());
        JsonNode conflicts = JsonRenderer.mapper().readTree(run.out()).get("conflicts");
        assertTrue(conflicts.toString().contains("HEAVY_METAL_QD"), run.out());
    }

    @Test
    void rulesListsEveryRuleAndShowsOneInFull() throws Exception {
        Cli.Run list = Cli.run("rules", "--rules", TestKb.RULES.toString());
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("ionp-deep-tumor-hyperthermia"), list.out());
        assertTrue(list.out().startsWith(TestKb.kb().ruleCount() + " rules"), list.out());
        JsonNode json = JsonRenderer.mapper().readTree(Cli.run("rules", "--format", "json", "--rules", TestKb.RULES.toString()).out());
        assertEquals(TestKb.kb().ruleCount(), json.size());
        Cli.Run one = Cli.run("rules", "--rules", TestKb.RULES.toString(), "ionp-deep-tumor-hyperthermia");
        assertEquals(0, one.status());
        assertTrue(one.out().contains("rule \"Deep-seated solid tumor"), one.out());
        assertTrue(one.out().contains("metallic.drl:"), one.out());
        assertTrue(one.out().strip().endsWith("end"), one.out());
        assertEquals(1, Cli.run("rules", "--rules", TestKb.RULES.toString(), "no-such-rule").status());
    }
}
