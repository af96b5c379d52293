package org.nanoguide.model;

/**
 * The centre's devices. A device the case does not mention is unknown (null), not absent.
 *
 * @param interstitialFibre laser fibres can be placed inside the tumor, so near-infrared light
 *                          reaches lesions deeper than it does from a surface
 */
public record Resources(Boolean nirLaser, Boolean alternatingMagneticField, Boolean mri, Boolean fluorescenceImaging,
                        Boolean interstitialFibre) {
    public static final Resources UNKNOWN = new Resources(null, null, null, null, null);
    @Override
    public String toString() { return RecordText.of(this); }
}
