package org.nanoguide.model;

/** What the care team accepts. Evidence defaults to INVESTIGATIONAL (case-format.md). */
public record Constraints(Boolean costSensitive, EvidenceAccepted evidence) {
    public static final Constraints DEFAULT = new Constraints(null, EvidenceAccepted.INVESTIGATIONAL);

    public Constraints {
        if (evidence == null) evidence = EvidenceAccepted.INVESTIGATIONAL;
    }

    @Override
    public String toString() { return RecordText.of(this); }
}
