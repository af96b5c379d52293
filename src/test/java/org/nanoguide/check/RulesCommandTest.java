package org.nanoguide.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.kb.KnowledgeBase;
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
    void jsonIsTheServiceListingWithEachRulesPath() throws Exception {
        var r = AuthoringCli.run("rules", "--format", "json", "--rules", TestKb.RULES.toString());
        assertEquals(0, r.code(), r.all());
        JsonNode json = new ObjectMapper().readTree(r.out());
        KnowledgeBase kb = TestKb.kb();
        assertEquals(List.of("version", "fingerprint", "count", "rules"), fieldNames(json));
        assertEquals(kb.version(), json.get("version").asText());
        assertEquals(kb.fingerprint(), json.get("fingerprint").asText());
        assertEquals(kb.ruleCount(), json.get("count").asInt());
        assertEquals(kb.ruleCount(), json.get("rules").size());
        for (int i = 0; i < kb.ruleCount(); i++) {
            RuleInfo info = kb.rules().get(i);
            JsonNode rule = json.get("rules").get(i);
            assertEquals(info.id(), rule.get("id").asText());
            assertEquals(info.file(), rule.get("file").asText(), "file is relative to the rules folder, as the service gives it");
            assertEquals(info.packageName(), rule.get("packageName").asText());
            assertEquals(TestKb.RULES.resolve(info.file()).normalize().toString(), rule.get("path").asText());
            assertFalse(rule.has("source"), "the listing leaves the source text to `rules ID`");
        }

        RuleInfo first = kb.rules().get(0);
        var one = AuthoringCli.run("rules", "--format", "json", "--rules", TestKb.RULES.toString(), first.id());
        assertEquals(0, one.code(), one.all());
        JsonNode shown = new ObjectMapper().readTree(one.out());
        assertTrue(shown.get("source").asText().startsWith("rule \"" + first.name() + "\""), one.out());
        ObjectNode withoutSource = ((ObjectNode) shown.deepCopy());
        withoutSource.remove("source");
        assertEquals(json.get("rules").get(0), withoutSource, "one rule is its listing entry plus its source");
    }

    @Test
    void unknownIdSuggestsTheClosest() {
        var missing = AuthoringCli.run("rules", "--rules", TestKb.RULES.toString(), "no-such-rule");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no rule has the id \"no-such-rule\""), missing.err());
        String real = TestKb.kb().rules().get(0).id();
        var typo = AuthoringCli.run("rules", "--rules", TestKb.RULES.toString(), real.substring(0, real.length() - 1));
        assertEquals(1, typo.code());
        assertTrue(typo.err().contains("(did you mean \"" + real + "\"?)"), typo.err());
    }

    @Test
    void searchKeepsTheRulesHoldingEveryWordAnywhereInTheirLabels() throws Exception {
        KnowledgeBase kb = TestKb.kb();
        RuleInfo quoted = kb.rules().stream().filter(x -> x.quote() != null).findFirst().orElseThrow();
        // one word from the rule's name (upper-cased: case does not matter) and the longest word of its quote
        String fromName = quoted.name().split("\\W+")[0].toUpperCase(Locale.ROOT);
        String fromQuote = Arrays.stream(quoted.quote().split("[^A-Za-z]+")).max(Comparator.comparingInt(String::length)).orElseThrow();
        String words = fromName + "  " + fromQuote;
        var r = AuthoringCli.run("rules", "--rules", TestKb.RULES.toString(), "--search", words);
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains(quoted.id() + "  [section " + quoted.section()), r.out());
        var json = AuthoringCli.run("rules", "--rules", TestKb.RULES.toString(), "-s", words, "--format", "json");
        JsonNode listing = new ObjectMapper().readTree(json.out());
        List<String> listed = new ArrayList<>();
        listing.get("rules").forEach(n -> listed.add(n.get("id").asText()));
        assertEquals(listed.size(), listing.get("count").asInt());
        assertTrue(listed.contains(quoted.id()), listed.toString());
        assertTrue(r.out().startsWith(listed.size() + " of " + kb.ruleCount() + " rules match \"" + words.strip() + "\""), r.out());
        for (RuleInfo info : kb.rules()) {
            String text = (info.id() + " " + info.name() + " " + info.section() + " " + String.join(" ", info.metadata().values())).toLowerCase(Locale.ROOT);
            boolean holdsBoth = text.contains(fromName.toLowerCase(Locale.ROOT)) && text.contains(fromQuote.toLowerCase(Locale.ROOT));
            assertEquals(holdsBoth, listed.contains(info.id()), info.id() + " for \"" + words + "\"");
        }
    }

    @Test
    void searchWithNoMatchSaysSoAndFails() {
        var r = AuthoringCli.run("rules", "--rules", TestKb.RULES.toString(), "--search", "liposome zzyzx-no-such-word");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains("no rule matches \"liposome zzyzx-no-such-word\""), r.err());
        assertEquals("", r.out());
        var withId = AuthoringCli.run("rules", "--rules", TestKb.RULES.toString(), "--search", "liposome", TestKb.kb().rules().get(0).id());
        assertEquals(2, withId.code(), withId.all());
        assertTrue(withId.err().contains("--search lists rules; it does not go with an ID"), withId.err());
        var blank = AuthoringCli.run("rules", "--rules", TestKb.RULES.toString(), "--search", " ");
        assertEquals(2, blank.code(), blank.all());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
