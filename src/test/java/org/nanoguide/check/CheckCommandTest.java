package org.nanoguide.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;

/** {@code nanoguide check} on the real rules and on broken copies of them, with real cases. */
class CheckCommandTest {
    @TempDir
    Path tmp;

    private Path rulesWith(String file, String drl) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        Files.writeString(rules.resolve(file), AuthoringCli.HEADER + drl);
        return rules;
    }

    private Path caseFile(String name, String json) throws Exception {
        Path dir = tmp.resolve("cases");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), json);
        return dir;
    }

    /** `check --review /dev/zero` ran out of memory with a stack trace; each of these is a line and exit 2, unread. */
    @Test
    void aReviewThatIsNoTextFileIsRefusedByNameUnread(@TempDir Path dir) throws Exception {
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            var r = AuthoringCli.run("check", "--rules", TestKb.RULES.toString(), "--review", zero.toString());
            assertEquals(2, r.code(), r.all());
            assertTrue(r.err().contains("cannot read the review /dev/zero: it is a character device, not a text file"), r.all());
            assertFalse(r.all().contains("OutOfMemoryError"), r.all());
        }
        var folder = AuthoringCli.run("check", "--rules", TestKb.RULES.toString(), "--review", dir.toString());
        assertEquals(2, folder.code(), folder.all());
        assertTrue(folder.err().contains("cannot read the review " + dir + ": it is a folder, not a text file"), folder.all());
        Path missing = dir.resolve("no-such-review.txt");
        var none = AuthoringCli.run("check", "--rules", TestKb.RULES.toString(), "--review", missing.toString());
        assertEquals(2, none.code(), none.all());
        assertTrue(none.err().contains("cannot read the review " + missing + ": no such file"), none.all());
    }

    @Test
    void theProjectRulesAndCasesAreClean() {
        var r = AuthoringCli.run("check", "--rules", TestKb.RULES.toString(), TestKb.CASES.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("1. Do the rules compile? yes"), r.out());
        assertTrue(r.out().contains("Rule coverage over"), r.out());
        assertTrue(r.out().contains("threshold-nir-reach"), r.out());
        assertFalse(r.all().contains("Exception"), r.all());
        assertFalse(r.out().contains("Version:"), "rules/knowledge-base.properties records the rules its version names:\n" + r.out());
    }

    @Test
    void rulesEditedWithoutRaisingTheVersionGetAReminderThatStrictEnforces() throws Exception {
        Path rules = rulesWith("edit.drl", "rule \"Edited\"\n    @id(\"edited\") @section(\"2.1\") @refs(\"9\")\nwhen\n"
                + "    Tumor( solid )\nthen\n    insert(new Finding(\"EDITED\", \"x\"));\nend\n");
        var r = AuthoringCli.run("check", "--rules", rules.toString());
        assertEquals(0, r.code(), r.all());
        String fingerprint = org.nanoguide.kb.RuleFiles.fromFolder(rules).rulesFingerprint();
        Path props = rules.resolve("knowledge-base.properties");
        java.util.Properties declared = new java.util.Properties();
        try (var in = Files.newBufferedReader(props)) { declared.load(in); }
        String version = declared.getProperty("version");
        assertTrue(r.out().contains("Version: the rules changed since version " + version + " was declared for them, but the version did not: in "
                + props + " raise version=" + version + " and set versionedRules=" + fingerprint + "."), r.out());
        assertTrue(r.out().contains("Result: all clean but the version (exit 0; --strict makes it fail)"), r.out());
        assertEquals(1, AuthoringCli.run("check", "--strict", "--rules", rules.toString()).code());

        Files.writeString(props, Files.readString(props).replace("version=" + version, "version=" + version + ".1")
                .replaceAll("versionedRules=.*", "versionedRules=" + fingerprint));
        var bumped = AuthoringCli.run("check", "--strict", "--rules", rules.toString());
        assertEquals(0, bumped.code(), bumped.all());
        assertTrue(bumped.out().contains("Result: all clean (exit 0)"), bumped.out());
    }

    @Test
    void anAssignmentWhereAComparisonBelongsGetsAHint() throws Exception {
        Path rules = rulesWith("assign.drl", "rule \"Assigns\"\n    @id(\"assigns\") @section(\"2.2\") @refs(\"\")\nwhen\n"
                + "    Tumor( type = TumorType.BREAST )\nthen\n    insert(new Finding(\"X\", \"x\"));\nend\n");
        var r = AuthoringCli.run("check", "--rules", rules.toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.out().contains("error: syntax error: mismatched input '='; a condition compares with '=='"), r.out());
    }

    @Test
    void aSyntaxErrorIsOneLineWithFileLineColumnAndRuleName() throws Exception {
        Path rules = rulesWith("broken.drl", "rule \"Broken syntax\"\n    @id(\"broken-syntax\") @section(\"2.2\") @refs(\"\")\nwhen\n"
                + "    Tumor( solid, depthCm > 3.0\nthen\n    insert(new Finding(\"X\", \"x\"));\nend\n");
        var r = AuthoringCli.run("check", "--rules", rules.toString(), TestKb.CASES.toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.out().contains(rules.resolve("broken.drl") + ":10:1: error: syntax error: mismatched input 'then'"), r.out());
        assertTrue(r.out().contains("(in rule \"Broken syntax\")"), r.out());
        assertFalse(r.out().contains("null Package"), r.out());
        assertFalse(r.all().contains("\tat "), "no stack trace");
    }

    @Test
    void anUnknownFieldNamesTheFactAndItsFields() throws Exception {
        Path rules = rulesWith("field.drl", "rule \"Unknown field\"\n    @id(\"unknown-field\") @section(\"2.2\") @refs(\"\")\nwhen\n"
                + "    Tumor( depthInches > 3.0 )\nthen\n    insert(new Finding(\"X\", \"x\"));\nend\n");
        var r = AuthoringCli.run("check", "--rules", rules.toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.out().contains("field.drl:9:12: error: Tumor has no field 'depthInches'; its fields are: type, subtype, depthCm"), r.out());
    }

    @Test
    void anUnknownCarrierIsExplainedInsteadOfTheCompilersMessage() throws Exception {
        Path rules = rulesWith("carrier.drl", "rule \"Gold nanoshells\"\n    @id(\"gold-nano\") @section(\"2.2(a)\") @refs(\"15\") @strength(0.5)\nwhen\n"
                + "    Tumor( solid )\nthen\n    insert(new Recommendation(Carrier.GOLD_NANO, Modality.PHOTOTHERMAL, \"x\"));\nend\n");
        var r = AuthoringCli.run("check", "--rules", rules.toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.out().contains("carrier.drl:11:" ), r.out());
        assertTrue(r.out().contains("error: Carrier.GOLD_NANO is not a known carrier; the carriers are: LIPOSOME"), r.out());
        assertTrue(r.out().contains("(did you mean GOLD_NP?)"), r.out());
        assertFalse(r.out().contains("Rule Compilation error"), r.out());
    }

    @Test
    void labelsAreLinted() throws Exception {
        Path rules = rulesWith("labels.drl",
                "rule \"No id\"\n    @section(\"2.1\") @refs(\"9\")\nwhen\n    Tumor( solid )\nthen\n    insert(new Finding(\"A\", \"a\"));\nend\n\n"
                + "rule \"Duplicate id, unknown key, no section\"\n    @id(\"threshold-nir-reach\") @refs(\"9\") @ref(\"9\")\nwhen\n    Tumor( solid )\nthen\n    insert(new Finding(\"B\", \"b\"));\nend\n\n"
                + "rule \"Not kebab\"\n    @id(\"Not_Kebab\") @section(\"2.1\")\nwhen\n    Tumor( solid )\nthen\n    insert(new Finding(\"C\", \"c\"));\nend\n");
        var r = AuthoringCli.run("check", "--rules", rules.toString(), TestKb.CASES.toString());
        assertEquals(1, r.code(), r.all());
        String out = r.out();
        assertTrue(out.contains("error: the rule has no @id"), out);
        assertTrue(out.contains("error: @id(\"threshold-nir-reach\") is already used by rule"), out);
        assertTrue(out.contains("error: unknown metadata @ref (did you mean @refs?); the known keys are"), out);
        assertTrue(out.contains("error: the rule has no @section"), out);
        assertTrue(out.contains("error: @id(\"Not_Kebab\") is not kebab-case"), out);
        assertTrue(out.contains("error: the rule has no @refs"), out);
        assertTrue(out.contains("Result: FAILED"), out);
    }

    @Test
    void aMissingIdPointsAtTheRuleKeyword() throws Exception {
        // the header takes lines 1-5; a comment before the keyword moves it off column 1
        Path rules = rulesWith("no-id.drl", "// drafted without an id\n/* draft */ rule \"No id yet\"\n    @section(\"2.1\") @refs(\"9\")\n"
                + "when\n    Tumor( solid )\nthen\n    insert(new Finding(\"A\", \"a\"));\nend\n\n"
                + "rule \"Not kebab either\"\n    @section(\"2.1\") @refs(\"9\")   @id(\"Not_Kebab\")\nwhen\n    Tumor( solid )\nthen\n    insert(new Finding(\"B\", \"b\"));\nend\n");
        var r = AuthoringCli.run("check", "--rules", rules.toString());
        assertEquals(1, r.code(), r.all());
        String file = rules.resolve("no-id.drl").toString();
        assertTrue(r.out().contains(file + ":7:13: error: the rule has no @id"), r.out());
        assertTrue(r.out().contains(file + ":16:34: error: @id(\"Not_Kebab\") is not kebab-case"), r.out());
        assertFalse(r.out().contains("no-id.drl:7:0:"), r.out());
    }

    @Test
    void warningsPassUnlessStrict() throws Exception {
        Path rules = rulesWith("warn.drl",
                "rule \"Large tumor: liposomes\"\n    @id(\"large-tumor-liposome\") @section(\"2.1\") @refs(\"9\")\nwhen\n    Tumor( sizeCm > 5.0 )\nthen\n"
                        + "    insert(new Recommendation(Carrier.LIPOSOME, Modality.DRUG_DELIVERY, \"x\"));\nend\n\n"
                        + "rule \"Large tumor: warning\"\n    @id(\"large-tumor-warning\") @section(\"2.1\") @refs(\"9\")\nwhen\n    Tumor( sizeCm > 5 )\nthen\n"
                        + "    insert(new Warning(WarningCode.MISSING_DATA, \"x\"));\nend\n");
        var r = AuthoringCli.run("check", "--rules", rules.toString(), TestKb.CASES.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("warning: the rule inserts a Recommendation but has no @strength"), r.out());
        assertTrue(r.out().contains("warning: the threshold 5 is written as a bare number here and also in large-tumor-warning"), r.out());
        var strict = AuthoringCli.run("check", "--strict", "--rules", rules.toString(), TestKb.CASES.toString());
        assertEquals(1, strict.code(), strict.all());
    }

    @Test
    void aFailingCaseShowsExpectedBesideActual() throws Exception {
        Path cases = caseFile("wrong.json", "{\"id\": \"wrong\", \"tumor\": {\"type\": \"GLIOBLASTOMA\", \"depthCm\": 6.0},"
                + " \"resources\": {\"alternatingMagneticField\": true},"
                + " \"expected\": {\"recommended\": [{\"carrier\": \"GOLD_NP\", \"modality\": \"PHOTOTHERMAL\"}], \"note\": \"deliberately wrong\"}}");
        caseFile("no-expected.json", "{\"id\": \"plain\", \"tumor\": {\"type\": \"BREAST\"}}");
        var r = AuthoringCli.run("check", "--rules", TestKb.RULES.toString(), cases.toString());
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains("FAILED  " + cases.resolve("wrong.json") + " (case wrong)"), r.out());
        assertTrue(r.out().contains("expected recommended: GOLD_NP PHOTOTHERMAL; got "), r.out());
        assertTrue(r.out().contains("IRON_OXIDE_NP MAGNETIC_HYPERTHERMIA"), r.out());
        assertTrue(r.out().contains("why this was expected: deliberately wrong"), r.out());
        assertTrue(r.out().contains("(1 without an expected block skipped)"), r.out());
    }

    @Test
    void coverageShowsNeverFiredRulesAndConflictsAreListed() throws Exception {
        Path rules = rulesWith("conflict.drl",
                "rule \"Imaging wanted: heavy-metal quantum dots\"\n    @id(\"test-hmqd-imaging\") @section(\"2.2\") @refs(\"\") @strength(0.3)\nwhen\n"
                        + "    Goals( imaging == true )\nthen\n    insert(new Recommendation(Carrier.HEAVY_METAL_QD, Modality.IMAGING, \"bright\"));\nend\n\n"
                        + "rule \"Never fires\"\n    @id(\"test-never-fires\") @section(\"2.2\") @refs(\"\")\nwhen\n"
                        + "    Tumor( solid, hematologic )\nthen\n    insert(new Finding(\"NEVER\", \"never\"));\nend\n");
        Path cases = caseFile("heavy-metal.json", "{\"id\": \"hm\", \"patient\": {\"heavyMetalConcern\": true}, \"tumor\": {\"type\": \"BREAST\"},"
                + " \"goals\": {\"imaging\": true}, \"expected\": {\"excluded\": [\"HEAVY_METAL_QD\"]}}");
        var r = AuthoringCli.run("check", "--rules", rules.toString(), cases.toString());
        assertEquals(0, r.code(), r.all());
        String out = r.out();
        assertTrue(out.matches("(?s).*\\n\\s+1\\s+1\\s+test-hmqd-imaging\\s+" + java.util.regex.Pattern.quote(rules.resolve("conflict.drl") + ":6") + "\\n.*"), out);
        assertTrue(out.contains("Never fired on these cases"), out);
        assertTrue(out.matches("(?s).*\\n\\s+test-never-fires\\s+" + java.util.regex.Pattern.quote(rules.resolve("conflict.drl") + ":14") + "\\s.*"), out);
        assertTrue(out.contains("case hm: HEAVY_METAL_QD"), out);
        assertTrue(out.contains("supported by test-hmqd-imaging (" + rules.resolve("conflict.drl") + ":6)"), out);
        assertTrue(out.contains("excluded by  qd-heavy-metal-exclusion ("), out);
    }

    @Test
    void jsonFormatIsForTools() throws Exception {
        var r = AuthoringCli.run("check", "--format", "json", "--rules", TestKb.RULES.toString(), TestKb.CASES.toString());
        assertEquals(0, r.code(), r.all());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("clean", json.get("status").asText());
        assertEquals(0, json.get("exitCode").asInt());
        assertTrue(json.get("rules").get("rules").asInt() > 0);
        assertTrue(json.get("cases").get("run").asInt() > 0);
        assertEquals(json.get("rules").get("rules").asInt(), json.get("coverage").size());
        assertTrue(json.get("coverage").get(0).has("firings"));
        assertTrue(json.get("compileErrors").isArray());

        Path rules = rulesWith("broken.drl", "rule \"B\"\n @id(\"b\") @section(\"1\") @refs(\"\")\nwhen\n Tumor( solid\nthen\nend\n");
        var broken = AuthoringCli.run("check", "--format", "json", "--rules", rules.toString());
        assertEquals(2, broken.code());
        JsonNode b = new ObjectMapper().readTree(broken.out());
        assertEquals("does-not-compile", b.get("status").asText());
        assertEquals(10, b.get("compileErrors").get(0).get("line").asInt());
    }

    @Test
    void evaluateAlsoExplainsAnUnknownConstant() throws Exception {
        Path rules = rulesWith("carrier.drl", "rule \"Brain tumor\"\n    @id(\"brain\") @section(\"2.2\") @refs(\"\")\nwhen\n"
                + "    Tumor( type == TumorType.BRAIN )\nthen\n    insert(new Finding(\"X\", \"x\"));\nend\n");
        var r = AuthoringCli.run("evaluate", "--rules", rules.toString(), TestKb.CASES.toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains(rules.resolve("carrier.drl") + ":9:30: error: TumorType.BRAIN does not exist; the values of TumorType are: BREAST"), r.err());
        assertTrue(r.err().contains("(in rule \"Brain tumor\")"), r.err());
    }
}
