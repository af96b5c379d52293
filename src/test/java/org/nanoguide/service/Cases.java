package org.nanoguide.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Cases for service tests: a few hand-written ones, and many generated from a seed. */
final class Cases {
    static final String DEEP = """
        {"id": "deep", "tumor": {"type": "PANCREATIC", "depthCm": 8.0}, "resources": {"alternatingMagneticField": true}}""";
    static final String HER2 = """
        {"id": "her2", "tumor": {"type": "BREAST", "depthCm": 1.5, "receptors": {"HER2": "POSITIVE"}},
         "therapy": {"plannedDrugs": ["DOXORUBICIN"]}}""";
    static final String HEAVY_METAL = """
        {"id": "hm", "patient": {"heavyMetalConcern": true}, "tumor": {"type": "SKIN", "depthCm": 0.3},
         "goals": {"imaging": true}, "resources": {"fluorescenceImaging": true}}""";
    static final String BLOOD = """
        {"id": "blood", "tumor": {"type": "LEUKEMIA"}}""";
    static final List<String> FEW = List.of(DEEP, HER2, HEAVY_METAL, BLOOD);

    private static final String[] TYPES = {"BREAST", "OVARIAN", "LUNG", "PANCREATIC", "PROSTATE", "GLIOBLASTOMA", "LIVER",
            "COLORECTAL", "GASTRIC", "HEAD_AND_NECK", "SKIN", "CERVICAL", "KAPOSI_SARCOMA", "SARCOMA", "OTHER_SOLID",
            "LEUKEMIA", "LYMPHOMA", "MULTIPLE_MYELOMA", "OTHER_HEMATOLOGIC"};
    private static final String[] STATUS = {"POSITIVE", "NEGATIVE", "UNKNOWN"};
    private static final String[] LEAK = {"HIGH", "LOW", "UNKNOWN"};
    private static final String[] PRESSURE = {"HIGH", "NORMAL", "UNKNOWN"};
    private static final String[] EVIDENCE = {"APPROVED_ONLY", "CLINICAL_TRIAL", "INVESTIGATIONAL"};
    private static final String[] DRUGS = {"DOXORUBICIN", "PACLITAXEL", "CISPLATIN", "SIRNA", "IRINOTECAN", "an unknown drug"};

    private Cases() { }

    /** {@code n} valid cases, each on one line with an id, the same for the same seed. */
    static List<String> generated(int n, long seed) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder("{\"id\":\"gen-" + i + "\"");
            sb.append(",\"patient\":{\"age\":").append(18 + rnd.nextInt(70));
            bool(sb, rnd, "heavyMetalConcern");
            bool(sb, rnd, "cardiacRisk");
            if (rnd.nextBoolean()) sb.append(",\"priorAnthracyclineMgPerM2\":").append(rnd.nextInt(600));
            sb.append("},\"tumor\":{\"type\":\"").append(pick(rnd, TYPES)).append('"');
            if (rnd.nextInt(4) > 0) sb.append(",\"depthCm\":").append(rnd.nextInt(120) / 10.0);
            if (rnd.nextBoolean()) sb.append(",\"sizeCm\":").append(1 + rnd.nextInt(80) / 10.0);
            if (rnd.nextBoolean()) sb.append(",\"vascularLeakiness\":\"").append(pick(rnd, LEAK)).append('"');
            if (rnd.nextBoolean()) sb.append(",\"interstitialPressure\":\"").append(pick(rnd, PRESSURE)).append('"');
            sb.append(",\"receptors\":{\"HER2\":\"").append(pick(rnd, STATUS)).append("\",\"FOLATE_RECEPTOR\":\"")
                    .append(pick(rnd, STATUS)).append("\"}");
            if (rnd.nextInt(3) == 0) sb.append(",\"multidrugResistance\":{\"present\":true,\"mechanisms\":[\"EFFLUX_PGP\"]}");
            sb.append("},\"therapy\":{\"plannedDrugs\":[\"").append(pick(rnd, DRUGS)).append("\"]");
            bool(sb, rnd, "geneSilencing");
            sb.append("},\"goals\":{\"imaging\":").append(rnd.nextBoolean());
            bool(sb, rnd, "theranostic");
            sb.append("},\"resources\":{\"nirLaser\":").append(rnd.nextBoolean());
            bool(sb, rnd, "alternatingMagneticField");
            bool(sb, rnd, "mri");
            bool(sb, rnd, "fluorescenceImaging");
            sb.append("},\"constraints\":{\"evidence\":\"").append(pick(rnd, EVIDENCE)).append("\"}}");
            out.add(sb.toString());
        }
        return out;
    }

    private static void bool(StringBuilder sb, Random rnd, String name) {
        if (rnd.nextBoolean()) sb.append(",\"").append(name).append("\":").append(rnd.nextBoolean());
    }

    private static String pick(Random rnd, String[] values) { return values[rnd.nextInt(values.length)]; }
}
