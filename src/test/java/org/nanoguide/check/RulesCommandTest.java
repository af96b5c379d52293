package org.nanoguide.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.kb.RuleInfo;

/** {@code nanoguide rules} over the real rules. */
class RulesCommandTest {
    @Test
    void listsEveryRuleWithIdSectionAndPlace() {
        var r = AuthoringCli.run("rules", "--rules", TestKb.RULES.toString());
        assertEquals(0, r.code(), r.all());
        for (RuleInfo info : TestKb.kb().rules()) {
            assertTrue(r.out().contains(info.id() + "  [section " + info.section()), info.id() + "\n" + r.out());
            assertTrue(r.out().contains(TestKb.RULES.resolve(info.file()) + ":" + info.line()), r.out());
        }
    }

    @Test
    void showsOneRuleInFullWithItsSource() {
        RuleInfo info = TestKb.kb().rules().get(0);
        var r = AuthoringCli.run("rules", "--rules", TestKb.RULES.toString(), info.id());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("id:        " + info.id()), r.out());
        assertTrue(r.out().contains("rule \"" + info.name() + "\""), r.out());
        assertTrue(r.out().strip().endsWith("end"), r.out());
    }

    @Test
    void jsonAndUnknownId() throws Exception {
        var r = AuthoringCli.run("rules", "--format", "json", "--rules", TestKb.RULES.toString());
        assertEquals(0, r.code(), r.all());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(TestKb.kb().ruleCount(), json.size());
        assertTrue(json.get(0).has("section") && json.get(0).has("line"));
        var one = AuthoringCli.run("rules", "--format", "json", "--rules", TestKb.RULES.toString(), TestKb.kb().rules().get(0).id());
        assertTrue(new ObjectMapper().readTree(one.out()).get("source").asText().startsWith("rule \""));
        var missing = AuthoringCli.run("rules", "--rules", TestKb.RULES.toString(), "no-such-rule");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no rule has the id \"no-such-rule\""), missing.err());
        String real = TestKb.kb().rules().get(0).id();
        var typo = AuthoringCli.run("rules", "--rules", TestKb.RULES.toString(), real.substring(0, real.length() - 1));
        assertEquals(1, typo.code());
        assertTrue(typo.err().contains("(did you mean \"" + real + "\"?)"), typo.err());
    }
}
