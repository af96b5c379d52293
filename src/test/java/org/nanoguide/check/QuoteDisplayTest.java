package org.nanoguide.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;

/** A rule's quote shown where its reasons are: rules ID, evaluate (text and Markdown with --quotes, HTML, JSON) and the docs. */
class QuoteDisplayTest {
    static String QUOTE;
    static Path rules;
    static String breastCase;

    @BeforeAll
    static void theBundledRulesQuoteTheReview() {
        rules = TestKb.RULES;
        QUOTE = TestKb.kb().rule("liposome-drug-carrier").orElseThrow().quote();
        assertTrue(QUOTE != null && !QUOTE.contains("|||"), "liposome-drug-carrier quotes one passage: " + QUOTE);
        breastCase = TestKb.CASES.resolve("breast-dox-paclitaxel-codelivery.json").toString();
    }

    @Test
    void theRulesCommandPrintsIt() {
        var r = AuthoringCli.run("rules", "--rules", rules.toString(), "liposome-drug-carrier");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("quote:     " + QUOTE), r.out());
    }

    @Test
    void textAndMarkdownShowItUnderQuotesOnly() {
        var plain = AuthoringCli.run("evaluate", "--rules", rules.toString(), breastCase);
        assertEquals(0, plain.code(), plain.all());
        assertFalse(plain.out().contains("review: \u201c"), plain.out());
        var text = AuthoringCli.run("evaluate", "--rules", rules.toString(), "--quotes", breastCase);
        assertTrue(text.out().contains("[liposome-drug-carrier; review 2.1 [9]]\n               review: \u201c" + QUOTE + "\u201d\n"), text.out());
        var md = AuthoringCli.run("evaluate", "--rules", rules.toString(), "--quotes", "--format", "markdown", breastCase);
        assertTrue(md.out().contains("_(liposome-drug-carrier; review 2.1 [9])_\n     > \u201c" + QUOTE + "\u201d\n"), md.out());
    }

    @Test
    void htmlShowsItOnHoverAndJsonCarriesItInTheSource() throws Exception {
        var html = AuthoringCli.run("evaluate", "--rules", rules.toString(), "--format", "html", breastCase);
        assertTrue(html.out().contains("<span class=\"cite\" title=\"review: \u201c" + QUOTE + "\u201d\">(liposome-drug-carrier; review 2.1 [<a href=\"#c1-ref-9\""), html.out());
        var json = AuthoringCli.run("evaluate", "--rules", rules.toString(), "--format", "json", breastCase);
        JsonNode result = new ObjectMapper().readTree(json.out());
        boolean seen = false;
        for (JsonNode rec : result.get("recommendations")) {
            for (JsonNode reason : rec.get("reasons")) {
                JsonNode source = reason.get("source");
                var rule = TestKb.kb().rule(reason.get("ruleId").asText()).orElseThrow();
                if (rule.quote() == null) assertFalse(source.has("quote"), "a rule without a quote has no quote field: " + reason);
                else assertEquals(rule.quote(), source.get("quote").asText(), "each reason carries its own rule's quote");
                seen |= reason.get("ruleId").asText().equals("liposome-drug-carrier");
            }
        }
        assertTrue(seen, json.out());
    }

    @Test
    void theKnowledgeBaseDocsListIt() throws Exception {
        var kb = TestKb.compile(rules);
        assertTrue(KnowledgeBaseDocs.markdown(kb).contains("- quote: \u201c" + QUOTE + "\u201d\n"));
        assertTrue(KnowledgeBaseDocs.coverageMarkdown(kb, java.util.Map.of()).contains("- `liposome-drug-carrier` (2.1): \u201c" + QUOTE + "\u201d\n"));
    }
}
