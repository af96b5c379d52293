package org.nanoguide.facts;

import org.nanoguide.model.RecordText;

/**
 * A rule rules these options out for this case. Exclusions always win over support.
 * What it covers is read as {@link Scoped} says.
 */
public record Exclusion(Carrier carrier, Modality modality, Targeting targeting, boolean exact, String text) implements Scoped {
    /** Every option of a carrier, targeted or not. */
    public Exclusion(Carrier carrier, String text) { this(carrier, null, null, false, text); }

    /** A carrier for one modality, targeted or not. */
    public Exclusion(Carrier carrier, Modality modality, String text) { this(carrier, modality, null, false, text); }

    /** One option: its carrier, modality and ligand (null: the untargeted option only). */
    public Exclusion(Carrier carrier, Modality modality, Targeting targeting, String text) { this(carrier, modality, targeting, true, text); }

    @Override
    public String toString() { return RecordText.of(this); }
}
