package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/**
 * A catalogued product whose drugs are all planned: for this case's tumor type
 * ({@code thisTumorType}), or for another indication.
 */
public record ProductMatch(Product product, boolean thisTumorType) {
    public Carrier carrier() { return product.carrier(); }
    public Modality modality() { return product.modality(); }
    public Targeting targeting() { return product.targeting(); }
    public boolean isDrugProduct() { return !product.drugs().isEmpty(); }
    public boolean isFrom(String region) { return product.isFrom(region); }
    public boolean isApproved() { return product.status() == ProductStatus.APPROVED; }
    public ProductStatus getStatus() { return product.status(); }
    public boolean isSubtypeSpecific() { return !product.subtypes().isEmpty(); }
    public boolean allowsSubtype(org.nanoguide.model.TumorSubtype s) { return product.subtypes().contains(s); }
    public Boolean getMetastatic() { return product.metastatic(); }
    public String getLine() { return product.line(); }
    public java.util.List<String> getAfterDrugs() { return product.afterDrugs(); }
    public boolean isAfterDrugsRequired() { return !product.afterDrugs().isEmpty(); }
    public boolean isWithDrugsRequired() { return !product.withDrugs().isEmpty(); }
    public java.util.List<String> getWithDrugs() { return product.withDrugs(); }
    public Boolean getCardiacRisk() { return product.cardiacRisk(); }
    public boolean isAgeLimited() { return product.isAgeLimited(); }
    public boolean allowsAge(int age) { return product.allowsAge(age); }
    public boolean isAlone() { return Boolean.TRUE.equals(product.alone()); }

    @Override
    public String toString() { return RecordText.of(this); }
}
