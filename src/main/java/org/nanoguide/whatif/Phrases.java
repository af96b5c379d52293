package org.nanoguide.whatif;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.nanoguide.explain.Result;
import org.nanoguide.facts.EvidenceLevel;

/** Words for changes to a case, for people: "if a near-infrared laser were available". */
final class Phrases {
    private Phrases() { }

    /** The centre's devices, named as a clinician would. */
    private static final Map<String, String> DEVICES = Map.of(
            "resources.nirLaser", "a near-infrared laser",
            "resources.alternatingMagneticField", "an alternating magnetic field applicator",
            "resources.mri", "MRI",
            "resources.fluorescenceImaging", "fluorescence imaging",
            "resources.interstitialFibre", "interstitial laser fibres");

    static String condition(List<Assignment> change) {
        return change.stream().map(Phrases::condition).collect(Collectors.joining(" and "));
    }

    static String condition(Assignment a) {
        String device = DEVICES.get(a.field());
        if (device != null && a.value().isBoolean()) {
            return device + (a.value().asBoolean() ? " were available" : " were not available");
        }
        return a.field() + " were " + value(a);
    }

    static String value(Assignment a) {
        return a.value().isTextual() ? a.value().asText() : a.value().toString();
    }

    static String excluded(Result.ExcludedOption x) {
        return org.nanoguide.render.Words.excludedWhat(x);
    }

    static String evidence(EvidenceLevel e) {
        return switch (e) {
            case APPROVED -> "approved for this indication";
            case CLINICAL_TRIAL -> "studied in patients";
            case INVESTIGATIONAL -> "investigational";
        };
    }

    static String percent(double certainty) {
        return org.nanoguide.render.Words.percent(certainty);
    }

    /** An option named for people: carrier, modality and ligand. */
    static String option(Result.RankedRecommendation r) {
        return r.carrier().label() + " for " + r.modality().label() + (r.ligand() == null ? "" : ", targeted with " + r.ligand().label());
    }
}
