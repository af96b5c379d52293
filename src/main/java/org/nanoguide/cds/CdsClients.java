package org.nanoguide.cds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EHRs allowed to call the CDS endpoints ({@code serve --cds-clients FILE}): each by its
 * token issuer and its public keys (a JSON Web Key Set, inline or in a file beside the
 * configuration), and the browser origins CORS lets in.
 *
 * <pre>{"clients": [{"issuer": "https://ehr.example.org", "jwks": {"keys": [...]}},
 *              {"issuer": "https://other.example.org", "jwksFile": "other-jwks.json"}],
 *  "allowedOrigins": ["https://ehr.example.org"]}</pre>
 */
public record CdsClients(Map<String, JWKSet> keysByIssuer, List<String> allowedOrigins) {
    public CdsClients {
        keysByIssuer = Map.copyOf(keysByIssuer);
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** @throws IllegalArgumentException naming the file and what is wrong in it */
    public static CdsClients read(Path file, ObjectMapper mapper) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("clients").isArray() || root.path("clients").isEmpty()) {
            throw new IllegalArgumentException(file + ": $.clients: required, a non-empty array of {issuer, jwks or jwksFile}");
        }
        Map<String, JWKSet> keys = new LinkedHashMap<>();
        for (int i = 0; i < root.path("clients").size(); i++) {
            JsonNode c = root.path("clients").get(i);
            String at = file + ": $.clients[" + i + "]";
            String issuer = c.path("issuer").asText("");
            if (issuer.isBlank()) throw new IllegalArgumentException(at + ".issuer: required");
            if (keys.containsKey(issuer)) throw new IllegalArgumentException(at + ".issuer: " + issuer + " is listed twice");
            String jwks;
            if (c.has("jwks")) {
                jwks = c.get("jwks").toString();
            } else if (c.hasNonNull("jwksFile")) {
                Path f = file.toAbsolutePath().getParent().resolve(c.get("jwksFile").asText());
                jwks = Files.readString(f, StandardCharsets.UTF_8);
            } else {
                throw new IllegalArgumentException(at + ": jwks (inline) or jwksFile (a path) is required");
            }
            keys.put(issuer, publicKeys(at, jwks));
        }
        List<String> origins = new ArrayList<>();
        root.path("allowedOrigins").forEach(o -> origins.add(o.asText()));
        return new CdsClients(keys, origins);
    }

    private static JWKSet publicKeys(String at, String json) {
        try {
            JWKSet set = JWKSet.parse(json);
            if (set.getKeys().isEmpty()) throw new IllegalArgumentException(at + ": the key set has no keys");
            for (JWK k : set.getKeys()) {
                if (k.isPrivate()) throw new IllegalArgumentException(at + ": key " + k.getKeyID() + " holds a private key; give the public keys only");
                if (k.getKeyType() == com.nimbusds.jose.jwk.KeyType.OCT) {
                    throw new IllegalArgumentException(at + ": key " + k.getKeyID() + " is symmetric; CDS Hooks tokens are signed with asymmetric keys");
                }
            }
            return set;
        } catch (ParseException e) {
            throw new IllegalArgumentException(at + ": not a JSON Web Key Set: " + e.getMessage());
        }
    }
}
