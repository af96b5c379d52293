package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;

/**
 * A reload goes live only if it works (adversarial review #32-#35, #38, #39, defects 2 and 6):
 * edited rules that run away, fail or hang on the trial cases, or that are not data, are never
 * served; the old rules answer, health is {@code degraded} and says why, readiness is 503; a good
 * edit afterwards clears it all.
 */
class ReloadGateTest {
    static final Duration DEADLINE = Duration.ofSeconds(40);

    private static String rule(String id, String when, String then) {
        return RuleDirs.HEADER + "rule \"" + id + "\"\n    @id(\"" + id + "\") @section(\"1\") @refs(\"\")\nwhen\n    " + when
                + "\nthen\n    " + then + "\nend\n";
    }

    @Test
    void rulesThatFailTheirTrialOrAreNotDataNeverServe(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        // the project's example cases beside the rules, as in the project's layout: their expected advice is part of the trial
        Path cases = Files.createDirectories(tmp.resolve("cases"));
        try (var in = Files.list(org.nanoguide.TestKb.ROOT.resolve("cases"))) {
            for (Path c : in.filter(p -> p.toString().endsWith(".json")).toList()) Files.copy(c, cases.resolve(c.getFileName()));
        }
        LiveRules live = LiveRules.fromFolder(rules, 2_000).withTrialLimit(Duration.ofSeconds(6));
        try (NanoguideService service = NanoguideService.start(live, ServiceOptions.defaults().withPort(0), true)) {
            Http http = new Http(service);
            String f0 = http.get("/v1/health").json().get("fingerprint").asText();
            assertEquals(200, http.get("/v1/health/ready").status());
            assertEquals(200, http.get("/v1/health/live").status());

            // #32/#33: a rule that re-triggers itself on every case
            refused(http, rules, f0, rule("zz-loop", "Finding()", "insert(new Finding(\"LOOP\", \"again\"));"), "rules ran away");
            // #35: a rule that throws on every case
            refused(http, rules, f0, rule("zz-throw", "Tumor()", "insert(new Finding(\"X\", \"\".substring(5)));"), "zz-throw");
            // #34: a rule that does not return (a backtracking pattern never looks at an interrupt)
            refused(http, rules, f0, rule("zz-busy", "Tumor()",
                    "insert(new Finding(\"SLOW\", \"\" + \"a\".repeat(28).matches(\"(.*a){12}b\")));"), "did not finish the trial cases");
            // an edit that changes the advice of an example case
            refused(http, rules, f0, rule("zz-exclude", "Tumor()",
                    "insert(new Exclusion(Carrier.PEGYLATED_LIPOSOME, \"test: excluded everywhere\"));"), "failed their trial");
            // #39, #38: not data at all
            JsonNode exit = refused(http, rules, f0, rule("zz-exit", "Tumor( type == TumorType.SARCOMA )", "System.exit(0);"), "rules are data");
            assertTrue(exit.get("lastReloadProblems").get(0).asText().startsWith("zz-edit.drl:11:"), exit.toString());
            refused(http, rules, f0, rule("zz-read", "Tumor()", "insert(new Finding(\"EXFIL\", new String(java.nio.file.Files"
                    + ".readAllBytes(java.nio.file.Paths.get(\"/etc/hostname\")))));"), "rules are data");
            assertEquals(200, http.post("/v1/evaluate", "{\"tumor\":{\"type\":\"SARCOMA\"}}").status(), "the process is still up");

            // a good edit goes live and clears it all
            RuleDirs.write(rules.resolve("zz-edit.drl"), rule("zz-fine", "Tumor( type == TumorType.BREAST )",
                    "insert(new Finding(\"FINE\", \"a good edit\"));"));
            JsonNode ok = http.awaitHealth(h -> !h.get("fingerprint").asText().equals(f0), DEADLINE, "the good edit served");
            assertEquals("ok", ok.get("status").asText(), ok.toString());
            assertEquals(0, ok.get("degradedBecause").size());
            assertEquals(200, http.get("/v1/health/ready").status());
        }
    }

    private static JsonNode refused(Http http, Path rules, String f0, String drl, String why) throws Exception {
        RuleDirs.write(rules.resolve("zz-edit.drl"), drl);
        JsonNode h = http.awaitHealth(x -> x.get("lastReloadError").asText("").contains(why), DEADLINE, why);
        assertEquals("degraded", h.get("status").asText());
        assertEquals(f0, h.get("fingerprint").asText(), "the old rules still serve");
        assertTrue(h.get("degradedBecause").get(0).asText().contains(why), h.toString());
        Http.Reply ready = http.get("/v1/health/ready");
        assertEquals(503, ready.status());
        assertTrue(ready.json().get("error").asText().startsWith("not ready: "), ready.body());
        Http.Reply answer = http.post("/v1/evaluate", Cases.HER2);
        assertEquals(200, answer.status(), answer.body());
        return h;
    }
}
