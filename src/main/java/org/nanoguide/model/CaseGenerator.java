package org.nanoguide.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;

/**
 * Random valid cases, for simulations, benchmarks and property tests. The same seed gives the
 * same cases. Each field is left out now and then, since "not known" is part of the format.
 */
public final class CaseGenerator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Every drug the format knows, and one it does not (kept and reported as unknown). */
    private static final String[] DRUGS = java.util.stream.Stream.concat(
            java.util.Arrays.stream(KnownDrug.values()).map(Enum::name), java.util.stream.Stream.of("VORINOSTAT")).toArray(String[]::new);

    private final SplittableRandom random;
    private long count;

    public CaseGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next case, as a JSON object. */
    public ObjectNode next() {
        count++;
        ObjectNode c = F.objectNode();
        c.put("schemaVersion", 1);
        c.put("id", "gen-" + count);
        if (maybe()) {
            ObjectNode p = c.putObject("patient");
            if (maybe()) p.put("age", random.nextInt(18, 95));
            bool(p, "cardiacRisk");
            if (maybe()) p.put("priorAnthracyclineMgPerM2", random.nextInt(0, 12) * 50);
            bool(p, "heavyMetalConcern");
            bool(p, "renalImpairment");
            bool(p, "hepaticImpairment");
            if (random.nextInt(10) == 0) p.put("pregnant", random.nextBoolean());
        }
        ObjectNode t = c.putObject("tumor");
        TumorType type = pick(TumorType.values());
        t.put("type", type.name());
        TumorSubtype[] subtypes = java.util.Arrays.stream(TumorSubtype.values()).filter(x -> x.type() == type).toArray(TumorSubtype[]::new);
        if (subtypes.length > 0 && maybe()) t.put("subtype", pick(subtypes).name());
        if (!type.isHematologic()) {
            if (maybe()) t.put("depthCm", Math.round(random.nextDouble(0, 12) * 10) / 10.0);
            if (maybe()) t.put("sizeCm", Math.round(random.nextDouble(0.2, 10) * 10) / 10.0);
            if (maybe()) t.put("vascularLeakiness", pick(Leakiness.values()).name());
            if (maybe()) t.put("interstitialPressure", pick(Pressure.values()).name());
        }
        if (maybe()) {
            ObjectNode r = t.putObject("receptors");
            for (ReceptorName n : ReceptorName.values()) {
                if (maybe()) r.put(n.name(), pick(ReceptorStatus.values()).name());
            }
        }
        if (maybe()) {
            ObjectNode m = t.putObject("multidrugResistance");
            boolean present = random.nextInt(3) == 0;
            m.put("present", present);
            if (present) {
                ArrayNode mech = m.putArray("mechanisms");
                for (MdrMechanism x : MdrMechanism.values()) if (random.nextBoolean()) mech.add(x.name());
            }
        }
        bool(t, "metastatic");
        ObjectNode th = c.putObject("therapy");
        ArrayNode drugs = th.putArray("plannedDrugs");
        int n = random.nextInt(0, 3);
        for (int i = 0; i < n; i++) drugs.add(pick(DRUGS));
        bool(th, "geneSilencing");
        bool(th, "drugPoorlySoluble");
        bool(th, "drugEnzymeLabile");
        bool(th, "sustainedReleaseWanted");
        if (maybe()) th.put("priorLines", random.nextInt(0, 4));
        ObjectNode g = c.putObject("goals");
        bool(g, "imaging");
        bool(g, "realTimeMonitoring");
        bool(g, "theranostic");
        ObjectNode res = c.putObject("resources");
        bool(res, "nirLaser");
        bool(res, "alternatingMagneticField");
        bool(res, "mri");
        bool(res, "fluorescenceImaging");
        bool(res, "interstitialFibre");
        if (maybe()) {
            ObjectNode k = c.putObject("constraints");
            bool(k, "costSensitive");
            if (maybe()) k.put("evidence", pick(EvidenceAccepted.values()).name());
        }
        return c;
    }

    private boolean maybe() { return random.nextInt(4) != 0; }

    private void bool(ObjectNode o, String field) {
        if (maybe()) o.put(field, random.nextBoolean());
    }

    private <T> T pick(T[] values) { return values[random.nextInt(values.length)]; }
}
