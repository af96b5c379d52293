package org.nanoguide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.render.JsonRenderer;

/** `nanoguide evaluate --what-if` and `--set`, the real command over the real rules and example cases. */
class WhatIfCommandTest {
    private static final String RULES = TestKb.RULES.toString();
    private static final String BREAST = TestKb.CASES.resolve("breast-unknown-her2-unknown-drug.json").toString();
    private static final String SKIN = TestKb.CASES.resolve("skin-shallow-no-devices.json").toString();

    @Test
    void jsonHasDecisiveUnknownsAndNearMisses() throws Exception {
        Cli.Run run = Cli.run("evaluate", "--rules", RULES, "--what-if", "--format", "json", BREAST);
        assertEquals(0, run.status(), run.err());
        JsonNode r = JsonRenderer.mapper().readTree(run.out());
        assertTrue(r.has("recommendations"));
        boolean her2 = false;
        for (JsonNode d : r.get("decisiveUnknowns")) {
            her2 |= d.get("field").asText().equals("tumor.receptors.HER2");
            assertFalse(d.get("values").isEmpty());
            for (JsonNode v : d.get("values")) assertFalse(v.get("effect").asText().isBlank());
        }
        assertTrue(her2, run.out());
        assertTrue(r.get("nearMisses").isArray());
        assertFalse(r.has("set"));
    }

    @Test
    void ndjsonWithoutWhatIfIsUnchanged() throws Exception {
        Cli.Run plain = Cli.run("evaluate", "--rules", RULES, "--format", "ndjson", BREAST);
        assertFalse(plain.out().contains("decisiveUnknowns"));
        Cli.Run withIt = Cli.run("evaluate", "--rules", RULES, "--format", "ndjson", "--what-if", BREAST);
        String line = withIt.out().strip();
        assertTrue(line.startsWith(plain.out().strip().substring(0, plain.out().strip().length() - 1) + ",\"decisiveUnknowns\":"), line);
    }

    @Test
    void reportsSayWhatWouldChangeTheAdviceAndWhyNot() {
        Cli.Run text = Cli.run("evaluate", "--rules", RULES, "--what-if", SKIN);
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("What would change this advice"), text.out());
        assertTrue(text.out().contains("Why not ..."), text.out());
        assertTrue(text.out().contains("Gold nanoparticles for photothermal therapy: would be recommended if a near-infrared laser were available"), text.out());
        Cli.Run md = Cli.run("evaluate", "--rules", RULES, "--what-if", "--format", "markdown", SKIN);
        assertTrue(md.out().contains("### Why not ..."), md.out());
        Cli.Run html = Cli.run("evaluate", "--rules", RULES, "--what-if", "--format", "html", SKIN, BREAST);
        assertTrue(html.out().contains("<h3>Why not ...</h3>"), html.out());
        assertTrue(html.out().contains("<code>tumor.receptors.HER2</code> not known"), html.out());
        assertTrue(html.out().indexOf("<h3>What would change this advice</h3>") < html.out().lastIndexOf("<section class=\"report\""), "one per case");
    }

    @Test
    void setEvaluatesTheChangedCaseAndSaysSo() throws Exception {
        Cli.Run json = Cli.run("evaluate", "--rules", RULES, "--format", "json", "--set", "resources.nirLaser=true", SKIN);
        assertEquals(0, json.status(), json.err());
        JsonNode r = JsonRenderer.mapper().readTree(json.out());
        assertEquals("resources.nirLaser", r.at("/set/0/field").asText());
        assertTrue(r.at("/set/0/value").isBoolean());
        boolean gold = false;
        for (JsonNode rec : r.get("recommendations")) gold |= rec.get("carrier").asText().equals("GOLD_NP") && rec.get("modality").asText().equals("PHOTOTHERMAL");
        assertTrue(gold, json.out());
        Cli.Run text = Cli.run("evaluate", "--rules", RULES, "--set", "resources.nirLaser=true", "--set", "tumor.receptors.HER2=POSITIVE", SKIN);
        assertTrue(text.out().contains("What if: resources.nirLaser = true, tumor.receptors.HER2 = POSITIVE"), text.out());
        Cli.Run md = Cli.run("evaluate", "--rules", RULES, "--format", "markdown", "--set", "resources.nirLaser=true", SKIN);
        assertTrue(md.out().contains("> What if: resources.nirLaser = true"), md.out());
    }

    @Test
    void badSetValuesAreNamedAsInACaseFile() {
        Cli.Run typo = Cli.run("evaluate", "--rules", RULES, "--set", "resources.nirlaser=true", SKIN);
        assertEquals(1, typo.status());
        assertTrue(typo.err().contains("skin-shallow-no-devices.json (with --set): $.resources.nirlaser: unknown field \"nirlaser\": did you mean \"nirLaser\"?"), typo.err());
        Cli.Run value = Cli.run("evaluate", "--rules", RULES, "--set", "tumor.receptors.HER2=MAYBE", SKIN);
        assertEquals(1, value.status());
        assertTrue(value.err().contains("$.tumor.receptors.HER2: must be one of POSITIVE, NEGATIVE, UNKNOWN"), value.err());
        Cli.Run type = Cli.run("evaluate", "--rules", RULES, "--set", "tumor.type.x=1", SKIN);
        assertEquals(1, type.status());
        assertTrue(type.err().contains("tumor.type holds a string, not an object"), type.err());
        Cli.Run usage = Cli.run("evaluate", "--rules", RULES, "--set", "nirLaser", SKIN);
        assertEquals(2, usage.status());
        assertTrue(usage.err().contains("expected PATH=VALUE"), usage.err());
        assertFalse(typo.err().contains("Exception") || value.err().contains("Exception"));
    }
}
