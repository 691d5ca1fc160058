package org.organizingworkbench.emulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.platform.ToolKeyRing;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The emulator's OAuth 2 token endpoint logic (client credentials with a JWT assertion, as LTI Advantage uses):
 * checks the tool's signed assertion against the tool's published keys, issues bearer tokens, and counts requests
 * so tests can see that the tool reuses its tokens.
 */
@ApplicationScoped
public class ServiceTokens {

    record Grant(Set<String> scopes, Instant expiresAt) {
    }

    @Inject
    ToolKeyRing toolKeys;

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Set<String> usedAssertionIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();

    /** @return the error code of RFC 6749 §5.2, or null when the assertion is good */
    String assertionProblem(String assertion, String expectedAudience) {
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return "invalid_client";
            }
            JWK key = toolKeys.publicKeySet().getKeyByKeyId(jwt.getHeader().getKeyID());
            if (!(key instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
                return "invalid_client";
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean ok = DevPlatform.flavourOfClient(claims.getIssuer()).isPresent() && claims.getIssuer().equals(claims.getSubject())
                    && claims.getAudience().contains(expectedAudience) && claims.getExpirationTime() != null
                    && Instant.now().isBefore(claims.getExpirationTime().toInstant()) && claims.getJWTID() != null
                    && usedAssertionIds.add(claims.getJWTID());
            return ok ? null : "invalid_grant";
        } catch (ParseException | JOSEException e) {
            return "invalid_request";
        }
    }

    String issue(Set<String> scopes, long lifetimeSeconds) {
        requests.incrementAndGet();
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grants.put(token, new Grant(Set.copyOf(scopes), Instant.now().plusSeconds(lifetimeSeconds)));
        return token;
    }

    boolean allows(String authorization, String scope) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        return Optional.ofNullable(grants.get(authorization.substring(7).trim()))
                .filter(g -> Instant.now().isBefore(g.expiresAt()) && g.scopes().contains(scope)).isPresent();
    }

    int tokenRequests() {
        return requests.get();
    }
}
