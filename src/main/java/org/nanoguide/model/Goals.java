package org.nanoguide.model;

public record Goals(Boolean imaging, Boolean realTimeMonitoring, Boolean theranostic) {
    public static final Goals UNKNOWN = new Goals(null, null, null);

    @Override
    public String toString() { return RecordText.of(this); }
}
