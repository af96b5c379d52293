package org.nanoguide.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.Collections;

/**
 * The tumor, as given. Rules see it as a fact: {@code Tumor( solid, depthCm > $reach )}.
 * {@code solid} and {@code hematologic} come from the tumor type (case-format.md).
 */
public record Tumor(
        TumorType type,
        TumorSubtype subtype,
        Double depthCm,
        Double sizeCm,
        Leakiness vascularLeakiness,
        Pressure interstitialPressure,
        Map<ReceptorName, ReceptorStatus> receptors,
        MultidrugResistance multidrugResistance,
        Boolean metastatic) {

    public Tumor {
        receptors = receptors == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(receptors));
        if (vascularLeakiness == null) vascularLeakiness = Leakiness.UNKNOWN;
        if (interstitialPressure == null) interstitialPressure = Pressure.UNKNOWN;
    }

    public boolean isHematologic() { return type != null && type.isHematologic(); }

    public boolean isSolid() { return type != null && !type.isHematologic(); }
    /** False when the case names a subtype of another tumor type. */
    public boolean isSubtypeOfType() { return subtype == null || subtype.type() == type; }
    /**
     * How deep the lesion reaches: its depth plus its size when both are known, else its depth.
     * Added as the decimals the case wrote, so 0.2 + 0.1 is 0.3 and a lesion exactly at a
     * threshold counts as at it, not a binary rounding error beyond it.
     */
    public Double getDeepMarginCm() {
        if (depthCm == null) return null;
        return sizeCm == null ? depthCm : BigDecimal.valueOf(depthCm).add(BigDecimal.valueOf(sizeCm)).doubleValue();
    }

    /** The status of a receptor; UNKNOWN when the case does not report it. */
    public ReceptorStatus receptor(ReceptorName name) {
        return receptors.getOrDefault(name, ReceptorStatus.UNKNOWN);
    }

    @Override
    public String toString() { return RecordText.of(this); }
}
