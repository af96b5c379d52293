package org.nanoguide.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A case built from FHIR resources, and what the mapping could not use.
 *
 * @param caseJson     the case, in the case format (docs/case-format.md); fields left out are unknown
 * @param unrecognised each code no row of the {@link CodeTable} knows, as {@code Resource/id: system|code (display)}
 * @param conflicts    each field that two resources set to different values, left unknown
 * @param used         each code that set a field, as {@code Resource/id: system|code -> field=value}
 */
public record MappedCase(ObjectNode caseJson, List<String> unrecognised, List<String> conflicts, List<String> used) {
    public MappedCase {
        unrecognised = List.copyOf(unrecognised);
        conflicts = List.copyOf(conflicts);
        used = List.copyOf(used);
    }

    /** Whether the mapping found the one field a case requires. */
    public boolean hasTumorType() { return caseJson.path("tumor").has("type"); }
}
