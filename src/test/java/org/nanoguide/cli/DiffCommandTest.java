package org.nanoguide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.render.JsonRenderer;

/** `nanoguide diff`: the real rules against a real edit of them, on the example cases and a generated cohort. */
class DiffCommandTest {
    private static final String RULES = TestKb.RULES.toString();
    private static final String CASES = TestKb.CASES.toString();

    /** A copy of rules/ where gold photothermal therapy on a reachable lesion is weakened below a recommendation. */
    private static Path weakenedGold(Path dir) throws Exception {
        Path rules = TestKb.copyOfRules(dir);
        Path metallic = rules.resolve("metallic.drl");
        String drl = Files.readString(metallic);
        String edited = drl.replaceFirst("(@id\\(\"gold-photothermal\"\\)[^\\n]*?)@strength\\(0\\.7\\)", "$1@strength(0.1)");
        assertFalse(drl.equals(edited), "the edit applies");
        Files.writeString(metallic, edited);
        return rules;
    }

    @Test
    void theSameRulesChangeNothingAndExitZero() throws Exception {
        Cli.Run run = Cli.run("diff", "--base-rules", RULES, "--rules", RULES, "--format", "json", CASES);
        assertEquals(0, run.status(), run.err());
        JsonNode r = JsonRenderer.mapper().readTree(run.out());
        assertTrue(r.get("cases").asLong() >= 29, run.out());
        assertEquals(0, r.get("changed").asLong());
        assertTrue(r.get("changes").isEmpty());
    }

    @Test
    void anEditListsEachChangedCaseAndExitsOne(@TempDir Path dir) throws Exception {
        Path edited = weakenedGold(dir);
        Cli.Run json = Cli.run("diff", "--base-rules", RULES, "--rules", edited.toString(), "--format", "json", CASES);
        assertEquals(1, json.status(), json.err());
        JsonNode r = JsonRenderer.mapper().readTree(json.out());
        assertTrue(r.get("changed").asLong() > 0, json.out());
        assertEquals(r.get("changed").asLong(), r.get("changes").size());
        boolean gold = false;
        for (JsonNode c : r.get("changes")) {
            for (JsonNode ch : c.get("changes")) gold |= ch.get("text").asText().contains("Gold nanoparticles for photothermal therapy");
        }
        assertTrue(gold, json.out());
        assertFalse(r.get("base").get("fingerprint").asText().equals(r.get("rules").get("fingerprint").asText()));

        Cli.Run text = Cli.run("diff", "--base-rules", RULES, "--rules", edited.toString(), CASES);
        assertEquals(1, text.status());
        for (JsonNode c : r.get("changes")) assertTrue(text.out().contains(c.get("caseId").asText() + "  ("), text.out());
        assertTrue(text.out().matches("(?s).*evaluated under both rule sets, \\d+ changed:.*"), text.out());
    }

    @Test
    void worksOnAGeneratedCohort(@TempDir Path dir) throws Exception {
        Cli.Run gen = Cli.run("generate", "--count", "300", "--seed", "17");
        assertEquals(0, gen.status(), gen.err());
        Path cohort = dir.resolve("cohort.ndjson");
        Files.writeString(cohort, gen.out());
        Path edited = weakenedGold(dir);
        Cli.Run run = Cli.run("diff", "--base-rules", RULES, "--rules", edited.toString(), "--format", "json", cohort.toString());
        JsonNode r = JsonRenderer.mapper().readTree(run.out());
        assertEquals(300, r.get("cases").asLong(), run.err());
        assertEquals(r.get("changed").asLong() > 0 ? 1 : 0, run.status(), run.err());
    }

    @Test
    void errorsExitTwoAndStillCompareTheGoodCases(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Cli.Run noRules = Cli.run("diff", "--base-rules", dir.resolve("empty").toString(), "--rules", RULES, CASES);
        assertEquals(2, noRules.status());
        assertTrue(noRules.err().contains("no .drl files"), noRules.err());
        Files.writeString(dir.resolve("bad.json"), "{\"tumor\": {\"type\": \"BRAEST\"}}");
        Files.writeString(dir.resolve("good.json"), "{\"tumor\": {\"type\": \"BREAST\"}}");
        Cli.Run bad = Cli.run("diff", "--base-rules", RULES, "--rules", RULES, "--format", "json", dir.resolve("bad.json").toString(), dir.resolve("good.json").toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("bad.json: $.tumor.type: must be one of"), bad.err());
        assertEquals(1, JsonRenderer.mapper().readTree(bad.out()).get("cases").asLong());
    }
}
