package org.nanoguide.cds;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one CDS service nanoguide offers, as {@code GET /cds-services} describes it (CDS Hooks 2.0). */
public final class Discovery {
    public static final String SERVICE_ID = "nanocarrier-advice";
    public static final String HOOK = "order-select";
    public static final String TITLE = "Nanocarrier advice";
    public static final String DESCRIPTION = "When a cancer drug is ordered, ranks nanoparticle carriers (liposomes, polymeric, "
            + "gold, iron oxide, targeted variants) for this patient and tumour, with reasons cited from the 2025 review the "
            + "rules encode; suggests an approved nanoformulation of the ordered drug when it ranks first. Research decision "
            + "support only, not a prescription.";

    /** Prefetch keys and their FHIR queries: what the service needs, fetched by the EHR before it calls. */
    public static final Map<String, String> PREFETCH = prefetch();

    private Discovery() { }

    private static Map<String, String> prefetch() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("patient", "Patient/{{context.patientId}}");
        m.put("conditions", "Condition?patient={{context.patientId}}");
        m.put("observations", "Observation?patient={{context.patientId}}");
        m.put("medications", "MedicationRequest?patient={{context.patientId}}");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The discovery document. */
    public static ObjectNode document() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode s = root.putArray("services").addObject();
        s.put("hook", HOOK);
        s.put("title", TITLE);
        s.put("description", DESCRIPTION);
        s.put("id", SERVICE_ID);
        ObjectNode p = s.putObject("prefetch");
        PREFETCH.forEach(p::put);
        return root;
    }
}
