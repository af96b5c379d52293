package org.nanoguide.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.RuleFiles;
import org.nanoguide.kb.RuleProblem;
import org.nanoguide.kb.Severity;
import org.nanoguide.review.Review;

/**
 * {@code check --review}: quotes in rule files this test writes, verified against the project's
 * copy of the review, and every quote in the project's rules/.
 */
class QuoteCheckTest {
    static final Path SEED = TestKb.ROOT.resolve("../shared/seeds/000_15ba5d730a2e0ee9.txt").normalize();

    static final String DEEP = "The approach allows cancer treatment to be minimally invasive, especially in the case of deep-seated tumors "
            + "where photothermal therapy would not be useful.";
    static final String IONP = "The ability of IONPs to function in both diagnostics and treatment is highly beneficial in theranostics, "
            + "an emerging field where therapy and diagnostics are integrated in a single platform.";

    @TempDir
    Path tmp;

    private static String rule(String id, String meta) {
        return "rule \"" + id + "\"\n    @id(\"" + id + "\") " + meta + "\nwhen\n    Tumor( solid )\nthen\n    insert(new Finding(\"X\", \"x\"));\nend\n\n";
    }

    /** A rule folder holding one file, quotes.drl, with these rules; each rule's @quote is on its line 2 of the rule. */
    private Path rules(String... rules) throws Exception {
        Path dir = tmp.resolve("rules");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("quotes.drl"), AuthoringCli.HEADER + String.join("", rules));
        return dir;
    }

    private static List<RuleProblem> quoteProblems(Path rules) throws Exception {
        assertTrue(Files.isRegularFile(SEED), "the review's text is expected beside the repository, at " + SEED);
        return QuoteCheck.run(RuleFiles.fromFolder(rules), Review.read(SEED)).problems();
    }

    @Test
    void aCorrectQuoteCompilesAndPasses() throws Exception {
        Path dir = rules(rule("ionp-deep", "@section(\"2.2(c)\") @refs(\"\") @quote(\"" + DEEP + "\")"),
                rule("ionp-theranostic", "@section(\"2.2(c), 3.2\") @refs(\"17\") @quote(\"" + IONP + "\")"));
        assertEquals(List.of(), quoteProblems(dir));
        // Drools reads the quote, commas and parentheses included, as the rule's metadata.
        KnowledgeBase kb = TestKb.compile(dir);
        assertEquals(DEEP, kb.rule("ionp-deep").orElseThrow().metadata().get("quote"));
    }

    @Test
    void aChangedWordIsAnErrorAtTheQuotesColumnWithTheNearestPassage() throws Exception {
        Path dir = rules(rule("ionp-deep", "@section(\"2.2(c)\") @refs(\"\") @quote(\"" + DEEP.replace("minimally", "maximally") + "\")"));
        List<RuleProblem> p = quoteProblems(dir);
        assertEquals(1, p.size(), p.toString());
        String line = Files.readAllLines(dir.resolve("quotes.drl")).get(6);
        assertTrue(line.contains("@quote(\""), line);
        assertEquals(7, p.get(0).line());
        assertEquals(line.indexOf("@quote(\"") + "@quote(\"".length() + 1, p.get(0).column(), "the column of the quote's first letter");
        assertTrue(p.get(0).isError());
        assertTrue(p.get(0).message().contains("not in the review word for word"), p.get(0).message());
        assertTrue(p.get(0).message().contains("\"maximally\" (the review: \"minimally\")"), p.get(0).message());
        assertTrue(p.get(0).message().contains("section 2.2(c)"), p.get(0).message());
        assertTrue(p.get(0).message().contains(DEEP), p.get(0).message());
    }

    @Test
    void aWrongSectionAndAWrongRefAreErrors() throws Exception {
        Path dir = rules(rule("ionp-deep", "@section(\"2.2(a)\") @refs(\"\") @quote(\"" + DEEP + "\")"),
                rule("ionp-theranostic", "@section(\"2.2(c)\") @refs(\"17, 28\") @quote(\"" + IONP + "\")"));
        List<RuleProblem> p = quoteProblems(dir);
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).message().contains("the quote is from section 2.2(c) of the review, but the rule's @section is \"2.2(a)\""), p.toString());
        assertEquals("ionp-deep", p.get(0).rule());
        assertTrue(p.get(1).message().contains("@refs cites [28]"), p.toString());
        assertEquals("ionp-theranostic", p.get(1).rule());
    }

    @Test
    void aRuleBeyondTheReviewNeedsNoQuoteAndARuleWithNeitherIsWarned() throws Exception {
        Path dir = rules(rule("vyxeos", "@section(\"beyond review\") @refs(\"\") @source(\"Lancet et al., J Clin Oncol 2018\")"),
                rule("uncited", "@section(\"2.1\") @refs(\"9\")"),
                rule("beyond-no-source", "@section(\"beyond review\") @refs(\"\")"));
        List<RuleProblem> p = quoteProblems(dir);
        assertEquals(2, p.size(), p.toString());
        assertEquals("uncited", p.get(0).rule());
        assertEquals(Severity.WARNING, p.get(0).severity());
        assertTrue(p.get(0).message().contains("has no @quote"), p.toString());
        assertEquals("beyond-no-source", p.get(1).rule());
        assertTrue(p.get(1).message().contains("beyond the review but has no @source"), p.toString());
    }

    @Test
    void theCommandVerifiesWithReviewAndSaysSoWithout() throws Exception {
        Path dir = rules(rule("ionp-deep", "@section(\"2.2(a)\") @refs(\"\") @quote(\"" + DEEP + "\")"));
        Files.createDirectories(tmp.resolve("no-cases"));
        Files.writeString(tmp.resolve("no-cases/plain.json"), "{\"schemaVersion\": 1, \"id\": \"plain\", \"tumor\": {\"type\": \"BREAST\"}}");
        var without = AuthoringCli.run("check", "--rules", dir.toString(), tmp.resolve("no-cases").toString());
        assertTrue(without.out().contains("Quotes: not verified (no review text given; use --review FILE)."), without.out());
        assertEquals(0, without.code(), without.all());

        var with = AuthoringCli.run("check", "--rules", dir.toString(), "--review", SEED.toString(), tmp.resolve("no-cases").toString());
        assertEquals(1, with.code(), with.all());
        assertTrue(with.out().contains(dir.resolve("quotes.drl") + ":7:"), with.out());
        assertTrue(with.out().contains("error: the quote is from section 2.2(c)"), with.out());
        assertTrue(with.out().contains("Quotes: 1 quote verified against " + SEED), with.out());

        var json = AuthoringCli.run("check", "--rules", dir.toString(), "--review", SEED.toString(), "--format", "json", tmp.resolve("no-cases").toString());
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertTrue(report.get("quotes").asText().startsWith("1 quote verified"), json.out());
        assertTrue(report.get("lint").get(0).get("message").asText().contains("section 2.2(c)"), json.out());

        var missing = AuthoringCli.run("check", "--rules", dir.toString(), "--review", tmp.resolve("nowhere.txt").toString());
        assertEquals(2, missing.code(), missing.all());
        assertTrue(missing.err().contains("cannot read the review " + tmp.resolve("nowhere.txt")), missing.all());
        assertFalse(missing.all().contains("\tat "), "no stack trace");
    }

    /** CI verifies every quote the project's rules carry (none before the rules are quoted; then all). */
    @Test
    void everyQuoteInTheProjectRulesIsInTheReview() throws Exception {
        List<RuleProblem> errors = quoteProblems(TestKb.RULES).stream().filter(RuleProblem::isError).toList();
        assertEquals(List.of(), errors, () -> "quotes that do not hold:\n" + String.join("\n", errors.stream().map(String::valueOf).toList()));
    }
}
