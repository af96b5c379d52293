package org.nanoguide.model;

public record Resources(Boolean nirLaser, Boolean alternatingMagneticField, Boolean mri, Boolean fluorescenceImaging) {
    public static final Resources UNKNOWN = new Resources(null, null, null, null);

    @Override
    public String toString() { return RecordText.of(this); }
}
