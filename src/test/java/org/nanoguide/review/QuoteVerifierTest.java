package org.nanoguide.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Quotes checked against the project's copy of the review. */
class QuoteVerifierTest {
    static QuoteVerifier verifier;

    @BeforeAll
    static void read() throws Exception {
        verifier = new QuoteVerifier(ReviewTest.review());
    }

    static final String DEEP = "The approach allows cancer treatment to be minimally invasive, especially in the case of deep-seated tumors "
            + "where photothermal therapy would not be useful.";

    @Test
    void aQuoteCopiedWordForWordIsFound() {
        assertEquals(List.of(), verifier.check(DEEP, "2.2(c)", List.of()));
        // Line breaks, case, dashes and a reference marker do not count.
        assertEquals(List.of(), verifier.check("PEGylation inhibits MPS clearance, thus prolonging the half-life\nof the drug in circulation "
                + "and enhancing its tumor accumulation. One of the most effective nanomedicine\u2013based chemotherapy agents is Doxil, "
                + "a PEGylated liposomal doxorubicin formulation, which possesses lower cardiotoxicity and better tumor penetration than "
                + "free doxorubicin^[11].", "2.1", List.of(11)));
    }

    @Test
    void aChangedWordIsNotFoundAndTheNearestPassageIsNamed() {
        String changed = DEEP.replace("deep-seated", "superficial");
        List<QuoteVerifier.Problem> p = verifier.check(changed, "2.2(c)", List.of());
        assertEquals(1, p.size(), p.toString());
        assertEquals(QuoteVerifier.Kind.NOT_FOUND, p.get(0).kind());
        assertTrue(p.get(0).message().contains("section 2.2(c)"), p.get(0).message());
        assertTrue(p.get(0).message().contains("\"superficial\" (the review: \"deep\")"), p.get(0).message());
        assertTrue(p.get(0).message().contains("reads: \"" + DEEP + "\""), p.get(0).message());
    }

    @Test
    void aQuoteFromAnotherSectionIsReported() {
        List<QuoteVerifier.Problem> p = verifier.check(DEEP, "2.2(a), 3.2", List.of());
        assertEquals(1, p.size(), p.toString());
        assertEquals(QuoteVerifier.Kind.SECTION, p.get(0).kind());
        assertTrue(p.get(0).message().contains("from section 2.2(c) of the review, but the rule's @section is \"2.2(a), 3.2\""), p.get(0).message());
    }

    @Test
    void aParentSectionCoversItsSubsectionsAndTablesHaveTheirNames() {
        assertEquals(List.of(), verifier.check(DEEP, "2.2", List.of()));
        String row = "Stability issues, high production cost, potential drug leakage";
        assertEquals(List.of(), verifier.check(row, "2.1, Table 1", List.of(20)));
        assertEquals(List.of(), verifier.check(row, "T1", List.of(20)));
        assertEquals(QuoteVerifier.Kind.SECTION, verifier.check(row, "2.1", List.of(20)).get(0).kind());
        assertEquals(List.of(), verifier.check("Provided high drug-loading capacity, improved solubility, and targeted delivery to cancer cells.",
                "3.3 Table 2", List.of(34)));
    }

    @Test
    void referencesMustBeThosePrinted() {
        String ionp = "The ability of IONPs to function in both diagnostics and treatment is highly beneficial in theranostics, "
                + "an emerging field where therapy and diagnostics are integrated in a single platform.";
        assertEquals(List.of(), verifier.check(ionp, "2.2(c)", List.of(17)));
        List<QuoteVerifier.Problem> wrong = verifier.check(ionp, "2.2(c)", List.of(17, 28));
        assertEquals(1, wrong.size(), wrong.toString());
        assertEquals(QuoteVerifier.Kind.REFS, wrong.get(0).kind());
        assertTrue(wrong.get(0).message().contains("@refs cites [28], which neither the quoted sentences nor their paragraphs print (they print [17])"),
                wrong.get(0).message());
        List<QuoteVerifier.Problem> missing = verifier.check(ionp, "2.2(c)", List.of());
        assertTrue(missing.get(0).message().contains("the quoted sentence prints [17], which @refs does not list"), missing.toString());
        // A sentence of a paragraph whose other sentence prints [17] may cite it.
        assertEquals(List.of(), verifier.check("In addition, IONPs also serve as contrast agents in MRI for real-time imaging of tumors, "
                + "accurate tumor localization, and monitoring of the course of therapy.", "2.2(c)", List.of(17)));
    }

    @Test
    void twoPassagesAreCheckedEachAndColumnsPointAtTheSecond() {
        String two = DEEP + " ||| IONPs serve as MRI contrast agents.";
        List<QuoteVerifier.Problem> p = verifier.check(two, "2.2(c)", List.of());
        assertEquals(1, p.size(), p.toString());
        assertEquals(two.indexOf("IONPs serve"), p.get(0).offset());
        assertEquals(List.of(), verifier.check(DEEP + " ||| Iron oxide nanoparticles (IONPs) are generally applied in magnetic hyperthermia therapy (MHT)",
                "2.2(c)", List.of()));
    }

    @Test
    void beyondReviewIsRecognised() {
        assertTrue(QuoteVerifier.beyondReview("beyond review"));
        assertTrue(QuoteVerifier.beyondReview("2.1, Beyond  Review"));
        assertTrue(!QuoteVerifier.beyondReview("2.1"));
    }
}
