package org.nanoguide.cds;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nanoguide.service.ApiException;

/**
 * The bearer JWT every CDS call must carry (CDS Hooks 2.0, "Trusting CDS Clients"): signed with
 * an asymmetric algorithm by a key of a trusted issuer, for this service ({@code aud}), not
 * expired, issued ({@code iat}), and with a {@code jti} not seen before. Anything else is a 401
 * that says why; nothing is evaluated. Nimbus JOSE+JWT verifies; this class only says which keys
 * and claims count.
 */
final class TokenCheck {
    /** Asymmetric algorithms only: the specification forbids symmetric ones. */
    static final Set<JWSAlgorithm> ALGORITHMS = Stream.of(JWSAlgorithm.Family.RSA, JWSAlgorithm.Family.EC, JWSAlgorithm.Family.ED)
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> REQUIRED = Set.of("iss", "aud", "exp", "iat", "jti");
    /** The most token ids remembered; tokens live minutes, so this bounds memory, not replay protection. */
    static final int MAX_SEEN = 100_000;

    private final CdsClients clients;
    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    TokenCheck(CdsClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * @param authorization the Authorization header, or null
     * @param audiences     the {@code aud} values that name this service as called
     * @return the issuer of the accepted token
     * @throws ApiException 401 with the reason
     */
    String verify(String authorization, Set<String> audiences) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw refused("no bearer token (Authorization: Bearer <JWT> is required on every CDS call)");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(authorization.substring(7).trim());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refused("the bearer token is not a signed JWT: " + e.getMessage());
        }
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!ALGORITHMS.contains(alg)) throw refused("the token is signed with " + alg + "; only asymmetric algorithms (RS*, PS*, ES*, EdDSA) are accepted");
        String issuer = claims.getIssuer();
        var keys = issuer == null ? null : clients.keysByIssuer().get(issuer);
        if (keys == null) throw refused("the token's issuer " + (issuer == null ? "(none)" : "\"" + issuer + "\"") + " is not a trusted CDS client");
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(keys)));
        p.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audiences, new JWTClaimsSet.Builder().issuer(issuer).build(), REQUIRED, null) {
            @Override
            protected java.util.Date currentTime() { return java.util.Date.from(clock.instant()); }
        });
        try {
            p.process(jwt, null);
        } catch (BadJOSEException e) {
            throw refused(e.getMessage() + (e.getMessage().contains(" aud ") ? ": the audience must be one of " + audiences : ""));
        } catch (JOSEException e) {
            throw refused("the token cannot be verified: " + e.getMessage());
        }
        remember(claims.getJWTID(), claims.getExpirationTime().toInstant());
        return issuer;
    }

    private void remember(String jti, Instant expires) {
        Instant now = clock.instant();
        if (seen.size() >= MAX_SEEN) seen.values().removeIf(exp -> exp.isBefore(now));
        if (seen.size() >= MAX_SEEN) throw refused("too many live tokens to remember; try again shortly");
        if (seen.putIfAbsent(jti, expires) != null) throw refused("the token's jti \"" + jti + "\" was already used (a replayed token)");
    }

    private static ApiException refused(String why) { return new ApiException(401, "unauthorized: " + why); }
}
