package org.nanoguide.facts;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;
import org.nanoguide.model.TumorSubtype;
import org.nanoguide.model.TumorType;

/**
 * One row of the product catalogue ({@code rules/products.tsv}): a named cancer nanomedicine for
 * one indication, with its status there and the public source that says so. The rules match it
 * against the options and the case; nothing here decides anything.
 *
 * @param id             stable kebab-case id of the row
 * @param name           the product's name with its brands, as a clinician would say it
 * @param drugs          its payload drugs (empty for a device or an imaging agent)
 * @param targeting      its ligand, or null when it is not actively targeted
 * @param tumorTypes     the tumor types of its indication; empty with {@code anySolid} for "solid tumors"
 * @param subtypes       the subtypes its label requires, or empty for any
 * @param metastatic     true or false when the label requires it, else null
 * @param line           FIRST (no prior systemic therapy), LATER (at least one prior line), or null
 * @param afterDrugs     the label requires one of these to have been given before (empty: no such condition)
 * @param withDrugs      drugs the label gives it with, which must be planned too
 * @param cardiacRisk    true when the label is for patients with cardiac risk only, else null
 * @param minAge         the youngest age in years the label is for, or null for no lower limit
 * @param maxAge         the oldest age in years the label is for (inclusive), or null for no upper limit
 * @param alone          true when the label is for the drug alone (monotherapy), else null
 * @param indication     the indication in words, as on the label
 * @param region         where (US, EU, KR, CN, ...)
 * @param year           the year of the approval or the trial
 * @param source         a public source: a label, an agency decision, a trial registry id, a paper
 */
public record Product(
        String id,
        String name,
        Carrier carrier,
        Modality modality,
        List<String> drugs,
        Targeting targeting,
        Set<TumorType> tumorTypes,
        boolean anySolid,
        Set<TumorSubtype> subtypes,
        Boolean metastatic,
        String line,
        List<String> afterDrugs,
        List<String> withDrugs,
        Boolean cardiacRisk,
        Integer minAge,
        Integer maxAge,
        Boolean alone,
        ProductStatus status,
        String indication,
        String region,
        Integer year,
        String source) {

    public Product {
        drugs = List.copyOf(drugs);
        // enum sets: iteration order is the vocabulary's, so texts built from them are stable
        tumorTypes = tumorTypes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(tumorTypes));
        subtypes = subtypes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(subtypes));
        afterDrugs = List.copyOf(afterDrugs);
        withDrugs = List.copyOf(withDrugs);
    }

    /** True when the row's indication is for this tumor type (its subtype and label conditions aside). */
    public boolean isFor(TumorType type) {
        return type != null && (tumorTypes.contains(type) || anySolid && !type.isHematologic());
    }

    public boolean isApproved() { return status == ProductStatus.APPROVED; }

    /** True when the row's region list ("US, EU") names this region. */
    public boolean isFrom(String r) {
        if (region == null || r == null) return false;
        for (String each : region.split(",")) if (each.strip().equalsIgnoreCase(r)) return true;
        return false;
    }

    /** True when the label names an age limit. */
    public boolean isAgeLimited() { return minAge != null || maxAge != null; }

    /** True when this age in years is within the label's ages (true when the label names none). */
    public boolean allowsAge(int age) {
        return (minAge == null || age >= minAge) && (maxAge == null || age <= maxAge);
    }

    /** The label's ages in words: "aged 2 to 30 years", "aged 18 years and older". */
    public String agesText() {
        if (minAge != null && maxAge != null) return "aged " + minAge + " to " + maxAge + " years";
        if (minAge != null) return "aged " + minAge + (minAge == 1 ? " year" : " years") + " and older";
        if (maxAge != null) return "aged up to " + maxAge + " years";
        return "of any age";
    }

    /** The subtypes of its label in words: "aml therapy related or aml myelodysplasia related". */
    public String subtypesText() {
        return subtypes.stream().map(s -> s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).collect(Collectors.joining(" or "));
    }

    /** The product and where it stands, in one line: "Doxil/Caelyx ... (APPROVED, US 1995: ...)". */
    public String describe() {
        return name + " (" + status + (region == null ? "" : ", " + region) + (year == null ? "" : " " + year)
                + ": " + indication + ")";
    }

    @Override
    public String toString() { return "Product(" + id + ")"; }
}
