package org.nanoguide.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nanoguide.model.Suggestion;
import org.nanoguide.check.messages.RuleVocabulary;

/** "Did you mean" over the real vocabularies: a slip gets its value, never a different carrier. */
class SuggestionTest {
    private static Optional<String> carrier(String given) {
        return Suggestion.closest(given, RuleVocabulary.vocabulary("Carrier").orElseThrow().names());
    }

    @Test
    void aDroppedQualifierIsNeverMistakenForAnotherCarrier() {
        assertEquals(Optional.of("PEGYLATED_LIPOSOME"), carrier("PEG_LIPOSOME"));
        assertEquals(Optional.empty(), carrier("SILICON_NP"), "silicon nanoparticles are neither silicon quantum dots nor silver");
        assertEquals(Optional.empty(), carrier("CARBON"), "carbon quantum dots or carbon nanoparticles: not for the lint to pick");
        assertEquals(Optional.empty(), carrier("GOLD_QD"));
    }

    @Test
    void slipsAbbreviationsAndPluralsFindTheirValue() {
        assertEquals(Optional.of("LIPOSOME"), carrier("LIPOSOMES"));
        assertEquals(Optional.of("PEGYLATED_LIPOSOME"), carrier("PEGYLATED_LIPOSOMES"));
        assertEquals(Optional.of("PEGYLATED_LIPOSOME"), carrier("PEGYLATD_LIPOSOME"));
        assertEquals(Optional.of("GOLD_NP"), carrier("GOLD_NANO"));
        assertEquals(Optional.of("GOLD_NP"), carrier("GOLD"));
        assertEquals(Optional.of("CARBON_QD"), carrier("CARBON_QUANTUM_DOTS"));
        assertEquals(Optional.of("IRON_OXIDE_NP"), carrier("iron-oxide-np"));
        assertEquals(Optional.of("BREAST"), Suggestion.closest("BRAEST", RuleVocabulary.vocabulary("TumorType").orElseThrow().names()));
    }

    @Test
    void theLintSaysItInItsMessage() throws Exception {
        var src = org.nanoguide.kb.RuleSource.of("x.drl", org.nanoguide.TestKb.DRL_HEADER
                + "rule \"r\"\n    @id(\"r\") @section(\"2.1\") @refs(\"\")\nwhen\n    Tumor( solid )\nthen\n"
                + "    insert(new Caution(Carrier.PEG_LIPOSOME, \"x\"));\nend\n");
        var problems = Lint.vocabulary(src);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).message().endsWith("(did you mean PEGYLATED_LIPOSOME?)"), problems.get(0).message());
    }
}
