package org.nanoguide.cds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.nanoguide.service.ApiException;

/**
 * Fetches, from the EHR's FHIR server, a prefetch template the EHR did not send, with the
 * access token it gave ({@code fhirAuthorization}). A failure is a 412: the service cannot
 * answer without the data, and says which query failed and why.
 */
final class FhirFetcher {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper mapper;

    FhirFetcher(ObjectMapper mapper) { this.mapper = mapper; }

    /** The resource or Bundle at {@code template}, filled in with the patient's id. */
    JsonNode fetch(String fhirServer, String token, String template, String patientId) {
        String query = template.replace("{{context.patientId}}", java.net.URLEncoder.encode(patientId, StandardCharsets.UTF_8));
        String base = fhirServer.endsWith("/") ? fhirServer : fhirServer + "/";
        URI uri = URI.create(base + query);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/fhir+json").GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw new ApiException(412, "the FHIR server answered " + r.statusCode() + " to GET " + query);
            return mapper.readTree(r.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiException(412, "the FHIR server's answer to GET " + query + " is not JSON: " + e.getOriginalMessage());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new ApiException(412, "cannot fetch " + query + " from the FHIR server: no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            // the JDK's client leaves the message of a refused or reset connection empty
            throw new ApiException(412, "cannot fetch " + query + " from the FHIR server: "
                    + (e instanceof java.net.ConnectException ? "could not connect to " + uri.getAuthority()
                    : e.getMessage() == null ? "the connection failed" : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(412, "interrupted while fetching " + query + " from the FHIR server");
        }
    }
}
