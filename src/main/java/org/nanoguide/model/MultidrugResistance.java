package org.nanoguide.model;

import java.util.List;

public record MultidrugResistance(Boolean present, List<MdrMechanism> mechanisms) {
    public MultidrugResistance {
        mechanisms = mechanisms == null ? List.of() : List.copyOf(mechanisms);
    }

    @Override
    public String toString() { return RecordText.of(this); }
}
