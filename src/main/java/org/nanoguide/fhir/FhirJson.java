package org.nanoguide.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR R4 JSON in and out, with HAPI FHIR's structures: a resource, or a Bundle of them, becomes
 * the resources it holds. The context is built once (it is costly and thread-safe); a parser is
 * made per use (they are cheap and not thread-safe).
 */
public final class FhirJson {
    private static final FhirContext R4 = FhirContext.forR4Cached();

    private FhirJson() { }

    /** A FHIR value that is not valid R4 JSON; the message names where. */
    public static final class InvalidFhirException extends RuntimeException {
        public InvalidFhirException(String message) { super(message); }
    }

    /**
     * The resources in {@code json}: the resource itself, or the entries of a Bundle.
     *
     * @param where how messages name the value, such as {@code prefetch.conditions}
     */
    public static List<Resource> resources(String where, JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) return List.of();
        if (!json.isObject() || !json.has("resourceType")) {
            throw new InvalidFhirException(where + ": expected a FHIR resource or Bundle (an object with resourceType)");
        }
        IBaseResource parsed;
        try {
            parsed = parser().parseResource(json.toString());
        } catch (DataFormatException e) {
            throw new InvalidFhirException(where + ": not valid FHIR R4: " + e.getMessage());
        }
        List<Resource> out = new ArrayList<>();
        if (parsed instanceof Bundle b) {
            for (Bundle.BundleEntryComponent e : b.getEntry()) {
                if (e.hasResource()) out.add(e.getResource());
            }
        } else if (parsed instanceof Resource r) {
            out.add(r);
        }
        return out;
    }

    /** The resources of {@code type} among {@code all}. */
    public static <T extends Resource> List<T> ofType(List<Resource> all, Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Loads HAPI's R4 model now rather than in the first call (it takes seconds, and an EHR waits
     * on the order screen for the answer).
     */
    public static void warmUp() {
        parser().parseResource("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"MedicationRequest\",\"status\":\"draft\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/x\"}}}]}");
    }

    /** A resource as FHIR JSON. */
    public static String json(Resource r) { return parser().encodeResourceToString(r); }

    private static IParser parser() { return R4.newJsonParser(); }
}
