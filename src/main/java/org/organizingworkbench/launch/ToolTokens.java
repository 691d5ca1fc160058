package org.organizingworkbench.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.platform.ToolKeyRing;

import java.text.ParseException;
import java.time.Clock;
import java.util.Optional;

/**
 * The tokens the tool issues to itself (session, admin, deep linking context): HS256 under the tool's session key,
 * each kind with its own {@code typ} and audience so that one kind can never pass for another.
 */
@ApplicationScoped
public class ToolTokens {

    @Inject
    ToolKeyRing keyRing;

    @Inject
    Clock clock;

    public String sign(JOSEObjectType type, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(type).build(), claims);
        try {
            jwt.sign(new MACSigner(keyRing.sessionKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a " + type + " token", e);
        }
        return jwt.serialize();
    }

    /** The claims, if the token is of this type and audience, signed with our key, and not expired. */
    public Optional<JWTClaimsSet> verify(String token, JOSEObjectType type, String audience) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.trim());
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !type.equals(jwt.getHeader().getType())
                    || !jwt.verify(new MACVerifier(keyRing.sessionKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!claims.getAudience().contains(audience) || claims.getExpirationTime() == null
                    || clock.instant().isAfter(claims.getExpirationTime().toInstant())) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
