package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/**
 * A rule rules this carrier out for this case: for one modality, or for every modality when
 * {@code modality} is null. Exclusions always win over support.
 */
public record Exclusion(Carrier carrier, Modality modality, String text) {
    public Exclusion(Carrier carrier, String text) { this(carrier, null, text); }

    public boolean covers(Carrier c, Modality m) {
        return carrier == c && (modality == null || modality == m);
    }

    @Override
    public String toString() { return RecordText.of(this); }
}
