package org.nanoguide.service;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The true/false switches of an endpoint's query string, read strictly: a parameter the endpoint
 * does not take ({@code ?Trace=true}), one given twice ({@code ?trace=true&trace=false}), a value
 * other than {@code true} or {@code false}, and broken percent-encoding are each a 400 naming it.
 * Read leniently, each of these would quietly answer something other than what was asked.
 */
final class QueryFlags {
    private final Map<String, Boolean> set;

    private QueryFlags(Map<String, Boolean> set) { this.set = set; }

    /** @throws ApiException 400 for any query parameter but {@code names}, each at most once, true or false */
    static QueryFlags of(Context ctx, List<String> names) {
        Map<String, Boolean> set = new LinkedHashMap<>();
        String query = ctx.queryString();
        if (query == null || query.isEmpty()) return new QueryFlags(set);
        String route = ctx.method() + " " + ctx.path();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) continue; // "?trace=true&" or "?&": nothing asked
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), pair);
            String value = eq < 0 ? null : decode(pair.substring(eq + 1), pair);
            if (!names.contains(name)) {
                throw new ApiException(400, "unknown query parameter \"" + shown(name) + "\": " + route + " takes "
                        + (names.isEmpty() ? "none" : String.join(" and ", names.stream().map(n -> n + "=true|false").toList())));
            }
            if (!"true".equals(value) && !"false".equals(value)) {
                throw new ApiException(400, "query parameter " + name + (value == null ? " has no value" : "=" + shown(value))
                        + ": expected true or false");
            }
            if (set.put(name, value.equals("true")) != null) {
                throw new ApiException(400, "query parameter " + name + " is given more than once; give it once, true or false");
            }
        }
        return new QueryFlags(set);
    }

    /** Whether a switch is on: absent is off. */
    boolean on(String name) { return set.getOrDefault(name, false); }

    /** What the caller sent, cut short: an error need not echo kilobytes of query string back. */
    private static String shown(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "... (" + s.length() + " characters)";
    }

    private static String decode(String s, String pair) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "query parameter \"" + shown(pair) + "\" is not valid percent-encoding");
        }
    }
}
