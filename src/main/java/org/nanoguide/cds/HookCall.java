package org.nanoguide.cds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nanoguide.model.JsonLocator;
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

    /** One thing wrong with the call, at a JSON path (property names and array indexes). */
    private record Problem(List<Object> path, String text) {
        String at(byte[] raw) {
            // a missing field is shown at the object that lacks it
            for (int n = path.size(); n >= 0; n--) {
                var loc = JsonLocator.locate(FACTORY, raw, path.subList(0, n));
                if (loc.isPresent()) return text + " (line " + loc.get().getLineNr() + ", column " + loc.get().getColumnNr() + ")";
            }
            return text;
        }
    }

    private static final com.fasterxml.jackson.core.JsonFactory FACTORY = new com.fasterxml.jackson.core.JsonFactory();

    /**
     * @param raw the body as sent, to say at which line and column each problem is
     * @throws ApiException 400 listing every problem of the call (up to the cap)
     */
    static HookCall of(JsonNode body, byte[] raw) {
        List<Problem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) throw new ApiException(400, "$: expected a CDS Hooks request object");
        String hook = text(body, "hook", problems);
        if (hook != null && !hook.equals(Discovery.HOOK)) {
            problems.add(new Problem(List.of("hook"), "$.hook: this service answers the " + Discovery.HOOK + " hook, not \"" + hook + "\""));
        }
        String instance = text(body, "hookInstance", problems);
        JsonNode context = body.get("context");
        String patientId = null;
        JsonNode drafts = null;
        List<String> selections = new ArrayList<>();
        if (context == null || !context.isObject()) {
            problems.add(new Problem(List.of("context"), "$.context: required, an object"));
        } else {
            patientId = text(context, "patientId", problems, List.of("context"));
            drafts = context.get("draftOrders");
            if (drafts == null || !drafts.isObject()) problems.add(new Problem(List.of("context", "draftOrders"), "$.context.draftOrders: required, a FHIR Bundle"));
            JsonNode sel = context.get("selections");
            if (sel != null && sel.isArray()) sel.forEach(s -> selections.add(s.asText()));
            else if (sel != null) problems.add(new Problem(List.of("context", "selections"), "$.context.selections: expected an array of resource references"));
        }
        Map<String, JsonNode> prefetch = new TreeMap<>();
        JsonNode pre = body.get("prefetch");
        if (pre != null && pre.isObject()) pre.properties().forEach(e -> prefetch.put(e.getKey(), e.getValue()));
        else if (pre != null && !pre.isNull()) problems.add(new Problem(List.of("prefetch"), "$.prefetch: expected an object"));
        String server = body.hasNonNull("fhirServer") ? body.get("fhirServer").asText() : null;
        JsonNode auth = body.get("fhirAuthorization");
        String token = auth != null && auth.hasNonNull("access_token") ? auth.get("access_token").asText() : null;
        if (server != null && !server.matches("https?://.+")) {
            problems.add(new Problem(List.of("fhirServer"), "$.fhirServer: expected an http(s) URL, not \"" + server + "\""));
        }
        if (!problems.isEmpty()) {
            List<String> listed = problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)).stream().map(p -> p.at(raw)).toList();
            throw new ApiException(400, listed.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more, in errors)" : ""),
                    problems.size() > 1 ? List.copyOf(listed) : List.of());
        }
        return new HookCall(instance, patientId, drafts, List.copyOf(selections), prefetch, server, token);
    }

    private static String text(JsonNode o, String name, List<Problem> problems) { return text(o, name, problems, List.of()); }

    private static String text(JsonNode o, String name, List<Problem> problems, List<Object> parent) {
        JsonNode v = o.get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            List<Object> path = new ArrayList<>(parent);
            path.add(name);
            StringBuilder dotted = new StringBuilder("$");
            path.forEach(e -> dotted.append('.').append(e));
            problems.add(new Problem(List.copyOf(path), dotted + ": required, a non-empty string"));
            return null;
        }
        return v.asText();
    }
}
