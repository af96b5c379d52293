package org.nanoguide.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;

/** The review's bibliography travels with the rules: every number a rule cites resolves to a full reference. */
class ReferencesTest {
    @Test
    void everyReferenceARuleCitesIsInTheBibliography() {
        References refs = References.of(TestKb.kb().files());
        assertEquals(40, refs.byNumber().size(), "the review lists 40 references");
        for (RuleInfo rule : TestKb.kb().rules()) {
            for (int n : rule.refs()) assertNotNull(refs.get(n), rule.id() + " cites [" + n + "], not in rules/references.tsv");
        }
        assertTrue(refs.get(11).startsWith("Mirza, Z., & Karim, S. (2021"), refs.get(11));
    }

    @Test
    void theBibliographyIsPartOfTheFingerprint() throws Exception {
        RuleFiles files = RuleFiles.fromFolder(TestKb.RULES);
        assertTrue(files.file(RuleFiles.REFERENCES).isPresent(), "read with the rules");
        assertTrue(RuleFiles.bundled().file(RuleFiles.REFERENCES).isPresent(), "bundled with the rules");
    }

    @Test
    void linesThatAreNotReferencesAreSkipped() {
        References refs = References.parse("# a comment\n7\tSeven, A. (2020).\nnot a line\nx\tno number\n");
        assertEquals("Seven, A. (2020).", refs.get(7));
        assertNull(refs.get(8));
        assertEquals(1, refs.byNumber().size());
    }
}
