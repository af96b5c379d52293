package org.nanoguide.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What the care team accepts. Evidence defaults to INVESTIGATIONAL (case-format.md).
 *
 * @param region         where the team practises (US, EU, UK, JP, KR, CN): a product approved
 *                       only elsewhere does not count as approved; null when not stated
 * @param evidenceStated whether the case itself named the accepted evidence, as a research
 *                       protocol accepting investigational agents does; not part of the format
 */
public record Constraints(Boolean costSensitive, EvidenceAccepted evidence, String region,
                          @JsonIgnore boolean evidenceStated) {
    public static final Constraints DEFAULT = new Constraints(null, null, null, false);

    public Constraints {
        evidenceStated = evidence != null;
        if (evidence == null) evidence = EvidenceAccepted.INVESTIGATIONAL;
    }

    @Override
    public String toString() { return RecordText.of(this); }
}
