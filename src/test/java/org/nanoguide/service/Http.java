package org.nanoguide.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.nanoguide.render.JsonRenderer;

/** A real HTTP client (java.net.http) against a real service on loopback. */
final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return JsonRenderer.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        String contentType() { return headers.firstValue("Content-Type").orElse(""); }
    }

    private final URI base;

    Http(URI base) { this.base = base; }

    Http(NanoguideService service) { this(service.baseUri()); }

    Reply get(String path) { return send(HttpRequest.newBuilder(base.resolve(path)).GET()); }

    Reply post(String path, String body) { return post(path, "application/json", body); }

    Reply post(String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b);
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A metric without labels, as {@code GET /metrics} shows it now. */
    long metric(String name) {
        String metrics = get("/metrics").body();
        return metrics.lines().filter(l -> l.startsWith(name + " "))
                .mapToLong(l -> (long) Double.parseDouble(l.split(" ")[1])).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + metrics));
    }

    /** Polls {@code GET /v1/health} until it satisfies {@code until}, for at most {@code deadline}. */
    JsonNode awaitHealth(Predicate<JsonNode> until, Duration deadline, String what) throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        JsonNode last = null;
        while (Instant.now().isBefore(end)) {
            last = get("/v1/health").json();
            if (until.test(last)) return last;
            Thread.sleep(25);
        }
        throw new AssertionError("health never showed " + what + " within " + deadline.toMillis() + " ms; last: " + last);
    }
}
