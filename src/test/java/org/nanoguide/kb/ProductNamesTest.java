package org.nanoguide.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.Nanoguide;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;
import org.nanoguide.explain.Result;
import org.nanoguide.facts.WarningCode;

/** A brand name in plannedDrugs: still an unknown drug, but the message says what the catalogue knows of it. */
class ProductNamesTest {
    private static final String DOXIL_HINT = "Doxil is a product in the catalogue (PEGylated liposomal doxorubicin); "
            + "give its drug, DOXORUBICIN, in plannedDrugs.";

    private static String ovarian(String drug) {
        return "{\"id\": \"brand\", \"tumor\": {\"type\": \"OVARIAN\", \"metastatic\": true}, \"therapy\": {\"plannedDrugs\": [\"" + drug + "\"]}}";
    }

    private static List<Result.CitedWarning> unknownValues(Result r) {
        return r.warnings().stream().filter(w -> w.code() == WarningCode.UNKNOWN_VALUE).toList();
    }

    /** What the advice recommends, without the texts: the same for two cases the rules see alike. */
    private static List<String> advice(Result r) {
        return r.recommendations().stream().map(x -> x.carrier() + " " + x.modality() + " " + x.targeting() + " " + x.certainty()).toList();
    }

    private static Optional<String> hint(String given) {
        return ProductNames.hint(given, TestKb.kb().products());
    }

    @Test
    void aBrandStaysAnUnknownDrugAndItsWarningNamesTheProductAndItsDrug() throws Exception {
        Result r = TestKb.guide().evaluate(ovarian("Doxil"));
        List<Result.CitedWarning> unknown = unknownValues(r);
        assertEquals(1, unknown.size(), () -> Nanoguide.toJson(r));
        String text = unknown.get(0).text();
        assertTrue(text.startsWith("Planned drug \"Doxil\" is not known to the knowledge base"), text);
        assertTrue(text.endsWith(DOXIL_HINT), text);

        // the case was not rewritten: the rules saw an unknown drug, as they do for a name the catalogue lacks
        Result other = TestKb.guide().evaluate(ovarian("VORINOSTAT"));
        assertEquals(advice(other), advice(r));
        assertFalse(advice(TestKb.guide().evaluate(ovarian("DOXORUBICIN"))).isEmpty());
    }

    @Test
    void aNameTheCatalogueLacksGetsNoProductHint() throws Exception {
        Result r = TestKb.guide().evaluate(ovarian("VORINOSTAT"));
        List<Result.CitedWarning> unknown = unknownValues(r);
        assertEquals(1, unknown.size(), () -> Nanoguide.toJson(r));
        assertTrue(unknown.get(0).text().contains("\"VORINOSTAT\""), unknown.get(0).text());
        assertFalse(unknown.get(0).text().contains("catalogue"), unknown.get(0).text());
        // the drug a product carries is no product's name, nor is a description in its parenthesis
        assertEquals(Optional.empty(), hint("liposomal doxorubicin"));
        assertEquals(Optional.empty(), hint("Pazenir"));
        assertEquals(Optional.empty(), hint(""));
    }

    @Test
    void brandsMatchWhateverTheCaseSpacesHyphensAndTrademarkSigns() {
        assertEquals(Optional.of(DOXIL_HINT), hint("DOXIL\u00AE"));
        assertEquals(Optional.of(DOXIL_HINT), hint(" doxil "));
        assertTrue(hint("caelyx").orElseThrow().startsWith("Caelyx is a product in the catalogue"), hint("caelyx").orElseThrow());
        assertTrue(hint("Genexol PM").orElseThrow().startsWith("Genexol-PM is a product in the catalogue (polymeric micellar paclitaxel"),
                hint("Genexol PM").orElseThrow());
        assertTrue(hint("onivyde\u2122").orElseThrow().endsWith("give its drug, IRINOTECAN, in plannedDrugs."), hint("onivyde\u2122").orElseThrow());
        assertTrue(hint("Vyxeos").orElseThrow().endsWith("give its drugs, DAUNORUBICIN and CYTARABINE, in plannedDrugs."), hint("Vyxeos").orElseThrow());
        assertTrue(hint("NanoTherm").orElseThrow().endsWith("it carries no drug to give in plannedDrugs."), hint("NanoTherm").orElseThrow());
    }

    @Test
    void theTextReportShowsTheHintBesideTheUnknownDrug(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("doxil.json"), ovarian("doxil"));
        Cli.Run run = Cli.evaluate("text", file.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Planned drug \"doxil\" is not known to the knowledge base"), run.out());
        assertTrue(run.out().contains(DOXIL_HINT), run.out());
    }
}
