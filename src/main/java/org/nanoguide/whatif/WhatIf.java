package org.nanoguide.whatif;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What a result adds on request (result-format.md, version 2): the values set on the case before
 * it was evaluated ({@code set}, from {@code --set}), the unknown inputs that would change the
 * advice and the near misses ({@code --what-if}). A part not asked for is null and not written.
 */
@JsonPropertyOrder({"set", "decisiveUnknowns", "nearMisses"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhatIf(List<Assignment> set, List<DecisiveUnknown> decisiveUnknowns, List<NearMiss> nearMisses) {
    public static final WhatIf NONE = new WhatIf(null, null, null);

    public WhatIf {
        set = set == null || set.isEmpty() ? null : List.copyOf(set);
        decisiveUnknowns = decisiveUnknowns == null ? null : List.copyOf(decisiveUnknowns);
        nearMisses = nearMisses == null ? null : List.copyOf(nearMisses);
    }

    public WhatIf withSet(List<Assignment> values) {
        return new WhatIf(values, decisiveUnknowns, nearMisses);
    }

    /** Not a field of the result: Jackson would otherwise write it as {@code "empty"}. */
    @JsonIgnore
    public boolean isEmpty() { return set == null && decisiveUnknowns == null && nearMisses == null; }
}
