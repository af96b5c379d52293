package org.nanoguide.perf;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes N random valid cases (case-format version 1) as NDJSON, deterministically from a seed.
 * JDK only, so the benchmark scripts run it as a single-file program:
 * {@code java src/test/java/org/nanoguide/perf/CaseGenerator.java 100000 /tmp/cases.ndjson [seed]}.
 * Tests use {@link #line(long, long)} directly.
 */
public final class CaseGenerator {
    static final String[] TYPES = {"BREAST", "OVARIAN", "LUNG", "PANCREATIC", "PROSTATE", "GLIOBLASTOMA", "LIVER",
            "COLORECTAL", "GASTRIC", "HEAD_AND_NECK", "SKIN", "CERVICAL", "KAPOSI_SARCOMA", "SARCOMA", "OTHER_SOLID",
            "LEUKEMIA", "LYMPHOMA", "MULTIPLE_MYELOMA", "OTHER_HEMATOLOGIC"};
    static final String[] STATUS = {"POSITIVE", "NEGATIVE", "UNKNOWN"};
    static final String[] LEAK = {"HIGH", "LOW", "UNKNOWN"};
    static final String[] PRESSURE = {"HIGH", "NORMAL", "UNKNOWN"};
    static final String[] MECH = {"EFFLUX_PGP", "ALTERED_METABOLISM", "DNA_REPAIR"};
    static final String[] EVIDENCE = {"APPROVED_ONLY", "CLINICAL_TRIAL", "INVESTIGATIONAL"};
    static final String[] DRUGS = {"doxorubicin", "paclitaxel", "cisplatin", "irinotecan", "siRNA", "vincristine",
            "daunorubicin", "cytarabine", "5-fluorouracil", "experimental-x"};

    private CaseGenerator() { }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CaseGenerator N OUT.ndjson [SEED]");
            System.exit(2);
        }
        long n = Long.parseLong(args[0]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8), 1 << 16)) {
            for (long i = 0; i < n; i++) {
                w.write(line(seed, i));
                w.write('\n');
            }
        }
    }

    /** Case number {@code i} of the stream for {@code seed}: one JSON object on one line. */
    public static String line(long seed, long i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        StringBuilder b = new StringBuilder(512);
        b.append("{\"schemaVersion\":1,\"id\":\"gen-").append(seed).append('-').append(i).append('"');
        if (r.nextInt(4) > 0) {
            b.append(",\"patient\":{");
            Sep s = new Sep(b);
            if (r.nextBoolean()) s.next().append("\"age\":").append(r.nextInt(18, 95));
            bool(r, s, "cardiacRisk");
            if (r.nextInt(3) == 0) s.next().append("\"priorAnthracyclineMgPerM2\":").append(r.nextInt(0, 600));
            bool(r, s, "heavyMetalConcern");
            bool(r, s, "renalImpairment");
            bool(r, s, "hepaticImpairment");
            bool(r, s, "pregnant");
            b.append('}');
        }
        b.append(",\"tumor\":{\"type\":\"").append(TYPES[r.nextInt(TYPES.length)]).append('"');
        if (r.nextInt(4) > 0) b.append(",\"depthCm\":").append(String.format(Locale.ROOT, "%.1f", r.nextDouble(0, 15)));
        if (r.nextBoolean()) b.append(",\"sizeCm\":").append(String.format(Locale.ROOT, "%.1f", r.nextDouble(0.1, 12)));
        if (r.nextBoolean()) b.append(",\"vascularLeakiness\":\"").append(LEAK[r.nextInt(3)]).append('"');
        if (r.nextBoolean()) b.append(",\"interstitialPressure\":\"").append(PRESSURE[r.nextInt(3)]).append('"');
        if (r.nextInt(4) > 0) {
            b.append(",\"receptors\":{");
            Sep s = new Sep(b);
            for (String rec : new String[] {"HER2", "FOLATE_RECEPTOR", "TRANSFERRIN_RECEPTOR"}) {
                if (r.nextBoolean()) s.next().append('"').append(rec).append("\":\"").append(STATUS[r.nextInt(3)]).append('"');
            }
            b.append('}');
        }
        if (r.nextInt(3) == 0) {
            b.append(",\"multidrugResistance\":{\"present\":").append(r.nextBoolean()).append(",\"mechanisms\":[");
            int k = r.nextInt(0, 3);
            for (int j = 0; j < k; j++) b.append(j > 0 ? "," : "").append('"').append(MECH[(j + r.nextInt(3)) % 3]).append('"');
            b.append("]}");
        }
        if (r.nextBoolean()) b.append(",\"metastatic\":").append(r.nextBoolean());
        b.append('}');
        if (r.nextBoolean()) {
            b.append(",\"therapy\":{\"plannedDrugs\":[");
            int k = r.nextInt(0, 3);
            for (int j = 0; j < k; j++) b.append(j > 0 ? "," : "").append('"').append(DRUGS[r.nextInt(DRUGS.length)]).append('"');
            b.append(']');
            Sep s = new Sep(b, true);
            bool(r, s, "geneSilencing");
            bool(r, s, "drugPoorlySoluble");
            bool(r, s, "drugEnzymeLabile");
            bool(r, s, "sustainedReleaseWanted");
            b.append('}');
        }
        if (r.nextBoolean()) {
            b.append(",\"goals\":{");
            Sep s = new Sep(b);
            bool(r, s, "imaging");
            bool(r, s, "realTimeMonitoring");
            bool(r, s, "theranostic");
            b.append('}');
        }
        if (r.nextBoolean()) {
            b.append(",\"resources\":{");
            Sep s = new Sep(b);
            bool(r, s, "nirLaser");
            bool(r, s, "alternatingMagneticField");
            bool(r, s, "mri");
            bool(r, s, "fluorescenceImaging");
            b.append('}');
        }
        if (r.nextBoolean()) {
            b.append(",\"constraints\":{");
            Sep s = new Sep(b);
            bool(r, s, "costSensitive");
            if (r.nextBoolean()) s.next().append("\"evidence\":\"").append(EVIDENCE[r.nextInt(3)]).append('"');
            b.append('}');
        }
        return b.append('}').toString();
    }

    private static void bool(SplittableRandom r, Sep s, String name) {
        if (r.nextBoolean()) s.next().append('"').append(name).append("\":").append(r.nextBoolean());
    }

    private static final class Sep {
        private final StringBuilder b;
        private boolean first;
        Sep(StringBuilder b) { this(b, false); }
        Sep(StringBuilder b, boolean started) { this.b = b; this.first = !started; }
        StringBuilder next() {
            if (!first) b.append(',');
            first = false;
            return b;
        }
    }
}
