package org.nanoguide;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nanoguide.explain.Result;
import org.nanoguide.facts.Carrier;
import org.nanoguide.facts.Modality;
import org.nanoguide.facts.Targeting;

/** The design card's three inferences, end to end through the real rules in rules/. */
class InferenceTest {

    private static Result evaluate(String json) throws Exception {
        return TestKb.guide().evaluate(json);
    }

    private static boolean recommends(Result r, Carrier c, Modality m) {
        return r.recommendations().stream().anyMatch(x -> x.carrier() == c && (m == null || x.modality() == m));
    }

    @Test
    void deepSolidTumorWithAnApplicatorGetsIronOxideMagneticHyperthermia() throws Exception {
        String deep = """
            {"id": "deep", "tumor": {"type": "PANCREATIC", "depthCm": 8.0},
             "resources": {"alternatingMagneticField": true}}""";
        Result r = evaluate(deep);
        assertTrue(recommends(r, Carrier.IRON_OXIDE_NP, Modality.MAGNETIC_HYPERTHERMIA), () -> Nanoguide.toJson(r));
        Result.RankedRecommendation rec = r.recommendations().stream()
                .filter(x -> x.carrier() == Carrier.IRON_OXIDE_NP && x.modality() == Modality.MAGNETIC_HYPERTHERMIA).findFirst().orElseThrow();
        assertTrue(rec.reasons().stream().anyMatch(c -> c.source().section().startsWith("2.2")), "cites review 2.2(c)");

        Result shallow = evaluate(deep.replace("8.0", "0.2"));
        assertFalse(recommends(shallow, Carrier.IRON_OXIDE_NP, Modality.MAGNETIC_HYPERTHERMIA),
                "a shallow lesion is not a deep-seated one");
        Result blood = evaluate(deep.replace("PANCREATIC", "LEUKEMIA"));
        assertFalse(recommends(blood, Carrier.IRON_OXIDE_NP, Modality.MAGNETIC_HYPERTHERMIA),
                "a hematologic cancer has no lesion to heat");
    }

    @Test
    void her2PositiveGetsAntiHer2TargetedCarriers() throws Exception {
        String her2 = """
            {"id": "her2", "tumor": {"type": "BREAST", "depthCm": 1.5, "receptors": {"HER2": "POSITIVE"}},
             "therapy": {"plannedDrugs": ["DOXORUBICIN"]}}""";
        Result r = evaluate(her2);
        assertTrue(r.recommendations().stream().anyMatch(x -> x.targeting().contains(Targeting.ANTI_HER2)), () -> Nanoguide.toJson(r));
        Result negative = evaluate(her2.replace("POSITIVE", "NEGATIVE"));
        assertTrue(negative.recommendations().stream().noneMatch(x -> x.targeting().contains(Targeting.ANTI_HER2)));
    }

    @Test
    void heavyMetalConcernExcludesHeavyMetalDotsAndOffersSaferDotsForImaging() throws Exception {
        String hm = """
            {"id": "hm", "patient": {"heavyMetalConcern": true}, "tumor": {"type": "SKIN", "depthCm": 0.3},
             "goals": {"imaging": true}, "resources": {"fluorescenceImaging": true}}""";
        Result r = evaluate(hm);
        assertTrue(r.excluded().stream().anyMatch(x -> x.carrier() == Carrier.HEAVY_METAL_QD), () -> Nanoguide.toJson(r));
        assertFalse(recommends(r, Carrier.HEAVY_METAL_QD, null));
        assertTrue(recommends(r, Carrier.CARBON_QD, Modality.IMAGING) || recommends(r, Carrier.SILICON_QD, Modality.IMAGING),
                () -> Nanoguide.toJson(r));
    }
}
