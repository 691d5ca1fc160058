package org.organizingworkbench.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A stand-in platform for unit tests: an RSA signing key (generated once per test JVM), its public JWKS and a fixed
 * clock. Tokens are signed over the raw claim map, so tests can send payloads no well-behaved library would build.
 */
final class TestPlatform {

    static final String KID = "test-platform-key-1";
    static final Instant NOW = Instant.parse("2026-11-23T19:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** The platform's signing key; its public half is the only key in {@link #KEYS}. */
    static final RSAKey PLATFORM_KEY = generate(KID);
    /** A different key pair that carries the same kid: what an attacker without the platform's key would use. */
    static final RSAKey IMPOSTOR_KEY = generate(KID);

    static final JWKSource<SecurityContext> KEYS = new ImmutableJWKSet<>(new JWKSet(PLATFORM_KEY.toPublicJWK()));

    private TestPlatform() {
    }

    static long epochSeconds(Instant instant) {
        return instant.getEpochSecond();
    }

    static JWSHeader rs256Header(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build();
    }

    /** Signs the claims with the platform key under its kid, as the platform would. */
    static String sign(Map<String, Object> claims) {
        return sign(rs256Header(KID), claims, PLATFORM_KEY);
    }

    static String sign(JWSHeader header, Map<String, Object> claims, RSAKey key) {
        return sign(header, new Payload(claims), key);
    }

    static String sign(JWSHeader header, Payload payload, RSAKey key) {
        try {
            JWSObject jws = new JWSObject(header, payload);
            jws.sign(new RSASSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
