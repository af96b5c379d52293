package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.Nanoguide;
import org.nanoguide.TestKb;
import org.nanoguide.cds.CdsClients;
import org.nanoguide.cds.CdsConfig;
import org.nanoguide.cds.SiteConfig;

/**
 * Only trusted EHRs get an answer: tokens signed in the test with keys made in the test, against
 * a real service on loopback whose clients file lists the EHR's public keys (one inline, one in a file).
 */
class CdsAuthTest {
    static final String ISSUER = "https://ehr.example.org";
    static final String OTHER_ISSUER = "https://second-ehr.example.org";
    static final String ORIGIN = "https://ehr-app.example.org";
    static ECKey ehrKey;
    static RSAKey otherEhrKey;
    static NanoguideService service;
    static Http http;
    static String url;

    @BeforeAll
    static void start(@TempDir Path tmp) throws Exception {
        ehrKey = new ECKeyGenerator(Curve.P_384).keyID("ehr-1").generate();
        otherEhrKey = new RSAKeyGenerator(2048).keyID("ehr-2").generate();
        Files.writeString(tmp.resolve("second-ehr-jwks.json"), new JWKSet(otherEhrKey.toPublicJWK()).toString());
        Path clients = Files.writeString(tmp.resolve("clients.json"), "{\"clients\": ["
                + "{\"issuer\": \"" + ISSUER + "\", \"jwks\": " + new JWKSet(ehrKey.toPublicJWK()) + "},"
                + "{\"issuer\": \"" + OTHER_ISSUER + "\", \"jwksFile\": \"second-ehr-jwks.json\"}],"
                + "\"allowedOrigins\": [\"" + ORIGIN + "\"]}");
        LiveRules rules = LiveRules.of(TestKb.RULES, TestKb.guide(), 10_000);
        service = NanoguideService.start(rules, ServiceOptions.defaults().withPort(0), false,
                new CdsConfig(SiteConfig.NONE, CdsClients.read(clients, Nanoguide.reader().mapper()), null));
        http = new Http(service);
        url = service.baseUri() + CdsHooksTest.SERVICE;
    }

    @AfterAll
    static void stop() {
        if (service != null) service.close();
    }

    static String token(JWSSigner signer, JWSAlgorithm alg, String kid, String iss, String aud, Instant exp, String jti) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(iss).audience(aud).issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(exp)).jwtID(jti).subject("client-app").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(com.nimbusds.jose.JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    static String good() throws JOSEException {
        return token(new ECDSASigner(ehrKey), JWSAlgorithm.ES384, "ehr-1", ISSUER, url, Instant.now().plusSeconds(300), UUID.randomUUID().toString());
    }

    static Http.Reply call(String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CdsHooksTest.breastCall("a0a0a0a0-" + UUID.randomUUID())));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b);
    }

    static void refused(Http.Reply r, String why) {
        assertEquals(401, r.status(), r.body());
        assertTrue(r.json().path("error").asText().contains(why), () -> "expected \"" + why + "\" in " + r.body());
        assertTrue(r.json().path("cards").isMissingNode(), r.body());
    }

    @Test
    void aTokenFromATrustedEhrIsAccepted() throws Exception {
        Http.Reply r = call(good());
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().path("cards").isArray(), r.body());
        String other = token(new RSASSASigner(otherEhrKey), JWSAlgorithm.RS384, "ehr-2", OTHER_ISSUER, url, Instant.now().plusSeconds(300), "other-1");
        assertEquals(200, call(other).status(), "the key set read from a file");
    }

    @Test
    void discoveryNeedsATokenToo() throws Exception {
        Http.Reply r = http.get("/cds-services");
        refused(r, "no bearer token");
        String t = token(new ECDSASigner(ehrKey), JWSAlgorithm.ES384, "ehr-1", ISSUER, service.baseUri() + "/cds-services",
                Instant.now().plusSeconds(300), UUID.randomUUID().toString());
        Http.Reply ok = http.send(HttpRequest.newBuilder(service.baseUri().resolve("/cds-services")).header("Authorization", "Bearer " + t).GET());
        assertEquals(200, ok.status(), ok.body());
    }

    @Test
    void noTokenIsRefused() { refused(call(null), "no bearer token"); }

    @Test
    void aKeyTheEhrDoesNotHaveIsRefused() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_384).keyID("ehr-1").generate();
        refused(call(token(new ECDSASigner(stranger), JWSAlgorithm.ES384, "ehr-1", ISSUER, url, Instant.now().plusSeconds(300), "x-1")),
                "Signed JWT rejected");
    }

    @Test
    void anUnknownIssuerIsRefused() throws Exception {
        refused(call(token(new ECDSASigner(ehrKey), JWSAlgorithm.ES384, "ehr-1", "https://evil.example.org", url, Instant.now().plusSeconds(300), "x-2")),
                "not a trusted CDS client");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        refused(call(token(new ECDSASigner(ehrKey), JWSAlgorithm.ES384, "ehr-1", ISSUER, url, Instant.now().minusSeconds(600), "x-3")),
                "Expired JWT");
    }

    @Test
    void aTokenForAnotherServiceIsRefused() throws Exception {
        refused(call(token(new ECDSASigner(ehrKey), JWSAlgorithm.ES384, "ehr-1", ISSUER, "https://other-cds.example.org/cds-services/x",
                Instant.now().plusSeconds(300), "x-4")), "the audience must be one of [" + url);
    }

    @Test
    void aReplayedTokenIsRefused() throws Exception {
        String t = good();
        assertEquals(200, call(t).status());
        refused(call(t), "already used");
    }

    @Test
    void aSymmetricallySignedTokenIsRefused() throws Exception {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        refused(call(token(new MACSigner(secret), JWSAlgorithm.HS256, "ehr-1", ISSUER, url, Instant.now().plusSeconds(300), "x-5")), "HS256");
    }

    @Test
    void anEhrOverridesACardWithAnOfferedReasonAndIsRefusedAnUnknownOne() throws Exception {
        Http.Reply cards = call(good());
        assertEquals(200, cards.status(), cards.body());
        JsonNode advice = cards.json().path("cards").get(0);
        JsonNode offered = advice.path("overrideReasons").get(0);
        assertTrue(advice.path("links").get(0).path("url").asText().startsWith("https://"), advice.toString());
        String reason = "{\"system\": \"" + offered.path("system").asText() + "\", \"code\": \"" + offered.path("code").asText() + "\"}";
        Http.Reply ok = feedback(CdsHooksTest.overridden(advice.path("uuid").asText(), reason, ""));
        assertEquals(200, ok.status(), ok.body());
        String unknown = "{\"system\": \"" + offered.path("system").asText() + "\", \"code\": \"not-a-reason\"}";
        Http.Reply refused = feedback(CdsHooksTest.overridden(advice.path("uuid").asText(), unknown, ""));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.json().path("error").asText().contains("\"not-a-reason\" is not an override reason nanoguide offers"), refused.body());
    }

    /** Feedback as the EHR sends it: its own token, for the feedback URL. */
    static Http.Reply feedback(String body) throws JOSEException {
        String t = token(new ECDSASigner(ehrKey), JWSAlgorithm.ES384, "ehr-1", ISSUER, url + "/feedback", Instant.now().plusSeconds(300),
                UUID.randomUUID().toString());
        return http.send(HttpRequest.newBuilder(java.net.URI.create(url + "/feedback")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + t).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void corsAnswersPreflightForTheListedOriginOnly() {
        Http.Reply ok = http.send(HttpRequest.newBuilder(java.net.URI.create(url)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
        assertEquals(ORIGIN, ok.headers().firstValue("Access-Control-Allow-Origin").orElse(""), ok.headers().toString());
        Http.Reply other = http.send(HttpRequest.newBuilder(java.net.URI.create(url)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example.org").header("Access-Control-Request-Method", "POST"));
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), other.headers().toString());
    }
}
