package org.nanoguide.whynot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.Nanoguide;
import org.nanoguide.TestKb;
import org.nanoguide.check.AuthoringCli;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.NanoCase;

/** {@code rules ID --why-not CASE} on the real engine, the real rules and the example cases. */
class WhyNotTest {
    @TempDir
    Path tmp;

    private static NanoCase example(String name) throws Exception {
        Path file = TestKb.CASES.resolve(name + ".json");
        return ((CaseInput.Valid) Nanoguide.reader().readDocument(file.toString(), name, Files.readAllBytes(file), 0).cases().get(0)).value();
    }

    private static WhyNotReport explain(KnowledgeBase kb, String rule, String example) throws Exception {
        return WhyNot.explain(kb, kb.rule(rule).orElseThrow(), example(example));
    }

    @Test
    void aDrugNameInTheWrongCaseIsNamedWithWhatTheCasePlans() throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        Files.writeString(rules.resolve("mine.drl"), TestKb.DRL_HEADER + "rule \"Doxorubicin, spelt as on the label\"\n"
                + "    @id(\"doxorubicin-label-case\") @section(\"2.1\") @refs(\"11\")\nwhen\n    Tumor( solid )\n"
                + "    PlannedDrug( name == \"Doxorubicin\", known )\nthen\n    insert(new Finding(\"DOX\", \"x\"));\nend\n");
        WhyNotReport r = explain(TestKb.compile(rules), "doxorubicin-label-case", "breast-her2-cardiac-doxorubicin");
        assertFalse(r.fired());
        assertEquals(2, r.failing());
        assertEquals(WhyNotReport.Status.HOLDS, r.conditions().get(0).status());
        assertEquals("PlannedDrug( name == \"Doxorubicin\", known )", r.conditions().get(1).text());
        assertEquals("no PlannedDrug has name == \"Doxorubicin\"; the PlannedDrug facts have name DOXORUBICIN", r.because());
        assertEquals(1, r.closest().size());
        assertTrue(r.closest().get(0).fact().contains("DOXORUBICIN"), r.closest().toString());
        assertEquals(java.util.List.of("known"), r.closest().get(0).passes());
        assertEquals(java.util.List.of("name == \"Doxorubicin\""), r.closest().get(0).fails());
    }

    @Test
    void aFindingNoRuleMadeIsNamedWithTheFindingsThereAre() throws Exception {
        WhyNotReport r = explain(TestKb.kb(), "gold-photothermal", "skin-shallow-no-devices");
        assertEquals(1, r.failing());
        assertTrue(r.because().startsWith("no Finding has code in (\"LIGHT_REACHABLE\", \"LIGHT_BY_FIBRE\"); the Finding facts have code LIGHT_MARGINAL"), r.because());
        assertEquals(WhyNotReport.Status.NOT_REACHED, r.conditions().get(1).status());
    }

    @Test
    void aFiredRuleShowsItsFirings() throws Exception {
        WhyNotReport r = explain(TestKb.kb(), "cardiac-risk-anthracycline", "breast-her2-cardiac-doxorubicin");
        assertTrue(r.fired());
        assertNull(r.failing());
        assertEquals(1, r.firings().size());
        assertTrue(r.firings().get(0).get(0).contains("cardiacRisk=true"), r.firings().toString());
    }

    @Test
    void anOrIsNotTakenApartAndSaysSo() throws Exception {
        WhyNotReport r = explain(TestKb.kb(), "pegylated-liposome-cardioprotection", "lymphoma-no-solid-reasoning");
        assertEquals(1, r.failing());
        assertNull(r.closest());
        assertTrue(r.limits().stream().anyMatch(l -> l.contains("does not take apart `or` conditions")), r.limits().toString());
    }

    @Test
    void theCommandLineExplainsInTextAndJson() throws Exception {
        String caseFile = TestKb.CASES.resolve("skin-shallow-no-devices.json").toString();
        var text = AuthoringCli.run("rules", "--rules", TestKb.RULES.toString(), "gold-photothermal", "--why-not", caseFile);
        assertEquals(0, text.code(), text.all());
        assertTrue(text.out().contains("did not fire on case skin-shallow-no-devices"), text.out());
        assertTrue(text.out().contains("  1. FAILS        Finding( code in (\"LIGHT_REACHABLE\", \"LIGHT_BY_FIBRE\") )"), text.out());
        var json = AuthoringCli.run("rules", "--rules", TestKb.RULES.toString(), "--format", "json", "gold-photothermal", "--why-not", caseFile);
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals(1, j.get("failing").asInt());
        assertEquals("fails", j.get("conditions").get(0).get("status").asText());
        assertEquals("not reached", j.get("conditions").get(1).get("status").asText());

        var noRule = AuthoringCli.run("rules", "--rules", TestKb.RULES.toString(), "--why-not", caseFile);
        assertEquals(2, noRule.code(), noRule.all());
        var bad = AuthoringCli.run("rules", "--rules", TestKb.RULES.toString(), "gold-photothermal", "--why-not", tmp.resolve("none.json").toString());
        assertEquals(1, bad.code(), bad.all());
    }
}
