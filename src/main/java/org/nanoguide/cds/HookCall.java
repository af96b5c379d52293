package org.nanoguide.cds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nanoguide.service.ApiException;

/**
 * A CDS Hooks call to the service, as the EHR sends it: the hook, its instance, the context
 * (patient, draft orders, selections), the prefetched resources and, optionally, where and how
 * to fetch what was not prefetched.
 *
 * @param fhirToken the {@code fhirAuthorization.access_token}, or null
 */
record HookCall(String hookInstance, String patientId, JsonNode draftOrders, List<String> selections,
                Map<String, JsonNode> prefetch, String fhirServer, String fhirToken) {
    /** Cap on the problems one 400 lists, as case validation caps them. */
    static final int MAX_PROBLEMS = 20;

    /** @throws ApiException 400 listing every problem of the call (up to the cap) */
    static HookCall of(JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (body == null || !body.isObject()) throw new ApiException(400, "$: expected a CDS Hooks request object");
        String hook = text(body, "hook", problems);
        if (hook != null && !hook.equals(Discovery.HOOK)) {
            problems.add("$.hook: this service answers the " + Discovery.HOOK + " hook, not \"" + hook + "\"");
        }
        String instance = text(body, "hookInstance", problems);
        JsonNode context = body.get("context");
        String patientId = null;
        JsonNode drafts = null;
        List<String> selections = new ArrayList<>();
        if (context == null || !context.isObject()) {
            problems.add("$.context: required, an object");
        } else {
            patientId = text(context, "patientId", problems, "$.context.");
            drafts = context.get("draftOrders");
            if (drafts == null || !drafts.isObject()) problems.add("$.context.draftOrders: required, a FHIR Bundle");
            JsonNode sel = context.get("selections");
            if (sel != null && sel.isArray()) sel.forEach(s -> selections.add(s.asText()));
            else if (sel != null) problems.add("$.context.selections: expected an array of resource references");
        }
        Map<String, JsonNode> prefetch = new TreeMap<>();
        JsonNode pre = body.get("prefetch");
        if (pre != null && pre.isObject()) pre.properties().forEach(e -> prefetch.put(e.getKey(), e.getValue()));
        else if (pre != null && !pre.isNull()) problems.add("$.prefetch: expected an object");
        String server = body.hasNonNull("fhirServer") ? body.get("fhirServer").asText() : null;
        JsonNode auth = body.get("fhirAuthorization");
        String token = auth != null && auth.hasNonNull("access_token") ? auth.get("access_token").asText() : null;
        if (server != null && !server.matches("https?://.+")) problems.add("$.fhirServer: expected an http(s) URL, not \"" + server + "\"");
        if (!problems.isEmpty()) {
            List<String> listed = problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS));
            throw new ApiException(400, listed.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more, in errors)" : ""),
                    problems.size() > 1 ? List.copyOf(listed) : List.of());
        }
        return new HookCall(instance, patientId, drafts, List.copyOf(selections), prefetch, server, token);
    }

    private static String text(JsonNode o, String name, List<String> problems) { return text(o, name, problems, "$."); }

    private static String text(JsonNode o, String name, List<String> problems, String prefix) {
        JsonNode v = o.get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(prefix + name + ": required, a non-empty string");
            return null;
        }
        return v.asText();
    }
}
