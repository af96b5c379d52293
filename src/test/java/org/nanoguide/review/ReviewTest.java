package org.nanoguide.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;

/** The review's text model, built from the project's copy of the review. */
class ReviewTest {
    static final Path SEED = TestKb.ROOT.resolve("../shared/seeds/000_15ba5d730a2e0ee9.txt").normalize();

    static Review review() throws Exception {
        return Review.read(SEED);
    }

    private static Review.Sentence sentence(Review r, String start) {
        return r.sentences().stream().filter(s -> s.text().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no sentence starts with: " + start));
    }

    @Test
    void sentencesKnowTheirSectionAndTheReferencesTheyPrint() throws Exception {
        Review r = review();
        Review.Sentence doxil = sentence(r, "One of the most effective nanomedicine-based chemotherapy agents is Doxil");
        assertEquals(List.of(11), doxil.refs());
        assertEquals("2.1", r.paragraphOf(doxil).section());
        assertTrue(doxil.text().endsWith("than free doxorubicin."), "the marker is not part of the text: " + doxil.text());

        Review.Sentence deep = sentence(r, "The approach allows cancer treatment to be minimally invasive");
        assertEquals("2.2(c)", r.paragraphOf(deep).section());
        assertEquals(List.of(), deep.refs());

        assertEquals("2.2(a)", r.paragraphOf(sentence(r, "AuNP facilitates photothermal therapy")).section());
        assertEquals("2.2(b)", r.paragraphOf(sentence(r, "Silver nanoparticles (AgNPs) possess")).section());
        // The quantum-dot part of 2.2 has no letter: after 2.2(c) it returns to 2.2.
        assertEquals("2.2", r.paragraphOf(sentence(r, "The semiconductor Nano crystals are called quantum dots")).section());
        assertEquals("4.1", r.paragraphOf(sentence(r, "Liposomal nanoparticles have been shown to increase")).section());
        assertEquals("5.3", r.paragraphOf(sentence(r, "Better Regulatory Policies:")).section());
    }

    @Test
    void tablesAreRegionsOfTheirSectionWithOneSentencePerRow() throws Exception {
        Review r = review();
        Review.Sentence liposomes = sentence(r, "Liposomes High biocompatibility");
        Review.Paragraph t1 = r.paragraphOf(liposomes);
        assertEquals("Table 1", t1.table());
        assertEquals("2.3", t1.section());
        assertEquals(List.of(20), t1.refs(), "the caption prints [20]");
        assertTrue(r.sentences().stream().anyMatch(s -> s.text().startsWith("Metallic NPs Dual imaging")), "rows after the blank line are in the table");

        Review.Sentence dendrimers = sentence(r, "Kim & Jeong (2017)");
        assertEquals(List.of(34), dendrimers.refs());
        assertEquals("3.3 Table 2", r.paragraphOf(dendrimers).where());
    }

    @Test
    void aListItemCountsTheReferencesOfTheSentenceIntroducingTheListButNotOfOtherItems() throws Exception {
        Review r = review();
        // "... found on cancer cells^[24]. Frequently targeted receptors include:" then the receptors, one a line.
        assertEquals(List.of(24), r.paragraphOf(sentence(r, "HER2-antibody-conjugated nanoparticles specifically target")).refs());
        assertEquals(List.of(24), r.paragraphOf(sentence(r, "Folic acid-conjugated nanoparticles targeting")).refs());
        // [28] is printed in the quantum-dot example of 3.2, not in the iron-oxide example after it.
        assertEquals(List.of(28), r.paragraphOf(sentence(r, "Quantum Dots (QDs) for Real-Time Tumor Imaging")).refs());
        assertEquals(List.of(), r.paragraphOf(sentence(r, "Magnetic Hyperthermia Therapy and MRI with Iron Oxide")).refs());
        assertEquals(List.of(), r.paragraphOf(sentence(r, "Active targeting not only improves")).refs(), "the list has ended");
    }

    @Test
    void aParagraphBrokenByAPageIsJoined() throws Exception {
        Review r = review();
        Review.Sentence s = sentence(r, "Nanomedicine, a relatively new subject that brings nanotechnology into medicine");
        assertEquals("1", r.paragraphOf(s).section());
        Review.Sentence hyphen = sentence(r, "Conventional therapies such as chemotherapy, radiotherapy, and surgery are limited");
        assertTrue(hyphen.text().contains("non-specific drug delivery"), hyphen.text());
        assertTrue(r.sentences().stream().noneMatch(x -> x.text().startsWith("Gupta, S.")), "the reference list is not citable text");
        // A block that ends on "the" continues after the break even though the next starts in capitals.
        Review.Sentence mps = sentence(r, "PEGylation extends systemic circulation");
        assertTrue(mps.text().endsWith("by reducing the MPS's rapid clearance."), mps.text());
        assertEquals(List.of(36), r.paragraphOf(mps).refs());
    }

    @Test
    void aTextOfOneSectionIsParsedFromAString() {
        Review r = Review.parse("mini", "2.2. Metals\n\nc) Iron\n\nIONPs heat under a\n\nfield^[17]. They \u201cimage\u201d tumors^[17,18].\n\n"
                + "Quantum Dots in Therapy\n\nDots glow^[19\u201321].\n");
        assertEquals(List.of(17), sentence(r, "IONPs heat under a field.").refs());
        Review.Sentence image = sentence(r, "They");
        assertEquals("They \u201cimage\u201d tumors.", image.text());
        assertEquals(List.of(17, 18), image.refs());
        assertEquals("2.2(c)", r.paragraphOf(image).section());
        Review.Sentence dots = sentence(r, "Dots glow");
        assertEquals(List.of(19, 20, 21), dots.refs());
        assertEquals("2.2", r.paragraphOf(dots).section());
    }

    @Test
    void wordsIgnoreCaseQuotationMarksDashesMarkersAndLineBreaks() {
        assertEquals(Words.of("long-term \u201csafe\u201d tumor^[17] cells"), Words.of("Long \u2013 term\n\"SAFE\" tumor cells"));
        assertEquals(List.of("mps", "s", "rapid"), Words.of("MPS\u2019s rapid"));
        assertEquals(List.of("treatment"), Words.of("treat\u00adment"));
    }
}
