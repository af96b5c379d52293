package org.nanoguide.whatif;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.nanoguide.facts.Carrier;
import org.nanoguide.facts.Modality;
import org.nanoguide.facts.Targeting;

/**
 * An option not recommended for the case (outweighed, excluded or not supported) and the
 * smallest change to the case, one field or else two, under which the rules recommend it.
 * {@code targeting} is the option's ligand, absent for an option without one.
 */
@JsonPropertyOrder({"carrier", "modality", "targeting", "change", "text"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NearMiss(Carrier carrier, Modality modality, Targeting targeting, List<Assignment> change, String text) {
    public NearMiss {
        change = List.copyOf(change);
    }
}
