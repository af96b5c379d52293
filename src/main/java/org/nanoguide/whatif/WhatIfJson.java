package org.nanoguide.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.nanoguide.explain.Result;
import org.nanoguide.render.JsonRenderer;

/**
 * The contract's JSON of a result with its what-if parts ({@code set}, {@code decisiveUnknowns},
 * {@code nearMisses}) added as fields of the same object, after the result's own: a result
 * without them is written byte for byte as before.
 */
public final class WhatIfJson {
    private WhatIfJson() { }

    /** One line, as NDJSON and the HTTP service write a result. */
    public static String compact(Result result, WhatIf whatIf) {
        String json = JsonRenderer.compact(result);
        if (whatIf == null || whatIf.isEmpty()) return json;
        String extra = JsonRenderer.compact(whatIf);
        // both are JSON objects: the result's closing brace gives way to the what-if's fields
        return json.substring(0, json.length() - 1) + "," + extra.substring(1);
    }

    public static byte[] bytes(Result result, WhatIf whatIf, byte[] suffix) {
        byte[] json = compact(result, whatIf).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[json.length + suffix.length];
        System.arraycopy(json, 0, out, 0, json.length);
        System.arraycopy(suffix, 0, out, json.length, suffix.length);
        return out;
    }

    /** Indented, for people reading JSON. */
    public static String pretty(Result result, WhatIf whatIf) {
        if (whatIf == null || whatIf.isEmpty()) return JsonRenderer.pretty(result);
        try {
            ObjectNode tree = (ObjectNode) JsonRenderer.mapper().readTree(compact(result, whatIf));
            return JsonRenderer.pretty(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a what-if result", e);
        }
    }

    /** Reads the what-if parts back from a result's JSON (for tests and stored answers). */
    public static WhatIf parse(String resultJson) {
        try {
            JsonNode tree = JsonRenderer.mapper().readTree(resultJson);
            ObjectNode only = JsonRenderer.mapper().createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> it = tree.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("set") || e.getKey().equals("decisiveUnknowns") || e.getKey().equals("nearMisses")) only.set(e.getKey(), e.getValue());
            }
            return JsonRenderer.mapper().treeToValue(only, WhatIf.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a result: " + e.getOriginalMessage(), e);
        }
    }
}
