package org.nanoguide.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nanoguide.Nanoguide;
import org.nanoguide.TestKb;
import org.nanoguide.explain.Result;
import org.nanoguide.facts.Carrier;
import org.nanoguide.facts.Modality;

/** Decisive unknowns and near misses, from the real rules on real cases. */
class WhatIfTest {
    private static final Nanoguide GUIDE = TestKb.guide();

    private static WhatIfResult whatIf(String json) throws Exception {
        return GUIDE.evaluateWhatIf(json);
    }

    private static Optional<DecisiveUnknown> unknown(WhatIf w, String field) {
        return w.decisiveUnknowns().stream().filter(d -> d.field().equals(field)).findFirst();
    }

    @Test
    void her2UnknownInBreastCancerIsDecisiveAndPositiveBringsAntiHer2() throws Exception {
        WhatIfResult r = whatIf("""
                {"id": "b", "tumor": {"type": "BREAST", "depthCm": 2.0, "metastatic": true},
                 "patient": {"cardiacRisk": true}, "therapy": {"plannedDrugs": ["DOXORUBICIN"]}}""");
        DecisiveUnknown her2 = unknown(r.whatIf(), "tumor.receptors.HER2").orElseThrow(
                () -> new AssertionError("HER2 not decisive: " + r.whatIf().decisiveUnknowns()));
        DecisiveUnknown.Tried positive = her2.values().stream().filter(t -> t.value().asText().equals("POSITIVE")).findFirst().orElseThrow();
        assertTrue(positive.effect().contains("HER2"), positive.effect());
        // a known field is never a decisive unknown
        assertTrue(unknown(r.whatIf(), "tumor.depthCm").isEmpty());
        assertTrue(unknown(r.whatIf(), "patient.cardiacRisk").isEmpty());
        // every value listed changes the advice: re-evaluating it with the value set differs from the base
        for (DecisiveUnknown d : r.whatIf().decisiveUnknowns()) assertFalse(d.values().isEmpty(), d.field());
    }

    @Test
    void shallowLesionWithoutLaserIsANearMissForGoldPhotothermal() throws Exception {
        WhatIfResult r = whatIf("""
                {"id": "s", "tumor": {"type": "SKIN", "depthCm": 0.2, "sizeCm": 0.05, "vascularLeakiness": "HIGH"},
                 "resources": {"nirLaser": false}}""");
        assertTrue(r.result().recommendations().stream().noneMatch(x -> x.carrier() == Carrier.GOLD_NP && x.modality() == Modality.PHOTOTHERMAL));
        NearMiss gold = r.whatIf().nearMisses().stream()
                .filter(n -> n.carrier() == Carrier.GOLD_NP && n.modality() == Modality.PHOTOTHERMAL && n.targeting() == null)
                .findFirst().orElseThrow(() -> new AssertionError(r.whatIf().nearMisses().toString()));
        assertEquals(List.of("resources.nirLaser = true"), gold.change().stream().map(Assignment::toString).toList());
        assertTrue(gold.text().contains("would be recommended if a near-infrared laser were available"), gold.text());
        // and the claim holds: the case with that change recommends it
        Result changed = GUIDE.evaluate("""
                {"id": "s", "tumor": {"type": "SKIN", "depthCm": 0.2, "sizeCm": 0.05, "vascularLeakiness": "HIGH"},
                 "resources": {"nirLaser": true}}""");
        assertTrue(changed.recommendations().stream().anyMatch(x -> x.carrier() == Carrier.GOLD_NP && x.modality() == Modality.PHOTOTHERMAL));
    }

    @Test
    void nearMissesHoldWhenReplayedOnEveryExampleCase() throws Exception {
        for (var p : TestKb.exampleCases()) {
            String json = Files.readString(p);
            WhatIfResult r = whatIf(json);
            assertNotNull(r.whatIf().decisiveUnknowns(), p.toString());
            for (NearMiss n : r.whatIf().nearMisses()) {
                assertTrue(n.change().size() <= 2, n.toString());
                var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Nanoguide.reader().mapper().readTree(json);
                for (Assignment a : n.change()) CaseTree.set(tree, a.field(), a.value());
                Result replay = GUIDE.evaluate(tree.toString());
                assertTrue(replay.recommendations().stream().anyMatch(x -> x.carrier() == n.carrier() && x.modality() == n.modality()
                        && java.util.Objects.equals(x.ligand(), n.targeting())), p + ": " + n);
            }
        }
    }
}
