package org.nanoguide.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
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
        entries(where, json);
        IBaseResource parsed;
        try {
            parsed = parser().parseResource(json.toString());
        } catch (DataFormatException e) {
            throw new InvalidFhirException(where + ": not valid FHIR R4: " + e.getMessage());
        } catch (RuntimeException e) {
            // HAPI fails with its own exceptions on some malformed input: still the caller's mistake, never a 500
            throw new InvalidFhirException(where + ": not valid FHIR R4: the FHIR parser could not read it ("
                    + e.getClass().getSimpleName() + ")");
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

    /**
     * A Bundle's entries must be an array of objects, each resource an object with a
     * resourceType: HAPI's parser drops an entry it cannot read (a record that loses its
     * diagnosis this way reads as having none) or fails with a NullPointerException.
     */
    private static void entries(String where, JsonNode json) {
        if (!"Bundle".equals(json.path("resourceType").asText()) || !json.has("entry")) return;
        JsonNode entry = json.get("entry");
        if (!entry.isArray()) throw new InvalidFhirException(where + ".entry: expected an array of entries, found " + kind(entry));
        for (int i = 0; i < entry.size(); i++) {
            JsonNode e = entry.get(i);
            if (!e.isObject()) throw new InvalidFhirException(where + ".entry[" + i + "]: expected an entry object, found " + kind(e));
            JsonNode r = e.get("resource");
            if (r != null && (!r.isObject() || !r.path("resourceType").isTextual())) {
                throw new InvalidFhirException(where + ".entry[" + i + "].resource: expected a FHIR resource (an object with resourceType), found "
                        + (r.isObject() ? "an object without resourceType" : kind(r)));
            }
        }
    }

    private static String kind(JsonNode n) {
        return n.isNull() ? "null" : n.isArray() ? "an array" : n.isObject() ? "an object" : n.isTextual() ? "a string"
                : n.isNumber() ? "a number" : n.isBoolean() ? "a boolean" : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
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

    private static IParser parser() { return R4.newJsonParser().setParserErrorHandler(new WrongJsonTypes()); }

    /**
     * HAPI's lenient handling (unknown elements are logged and skipped, as records from real
     * EHRs hold them), except a value of the wrong JSON type ({@code "coding": "x"}): the element
     * is then dropped, and a diagnosis dropped this way would read as no diagnosis at all.
     */
    private static final class WrongJsonTypes extends LenientErrorHandler {
        @Override
        public void incorrectJsonType(IParseLocation at, String element, BaseJsonLikeValue.ValueType expected,
                BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found, BaseJsonLikeValue.ScalarType foundScalar) {
            throw new DataFormatException((at == null || at.getParentElementName() == null ? "" : "in " + at.getParentElementName() + ": ")
                    + createIncorrectJsonTypeMessage(element, expected, expectedScalar, found, foundScalar));
        }
    }
}
