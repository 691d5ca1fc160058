package org.organizingworkbench.web;

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
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.lti.IdTokenVerifier;
import org.organizingworkbench.platform.ToolKeyRing;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** The tool administrator: proves the admin secret once, then carries a 30-minute admin token as a Bearer header. */
@ApplicationScoped
public class AdminAccess {

    private static final JOSEObjectType TYPE = new JOSEObjectType("workbench-admin+jwt");
    private static final Duration LIFETIME = Duration.ofMinutes(30);

    @Inject
    Settings settings;

    @Inject
    ToolKeyRing keyRing;

    public boolean enabled() {
        return settings.adminSecret().isPresent();
    }

    private final SignInThrottle throttle = new SignInThrottle(10, Duration.ofMinutes(1));

    /** Whether sign-in is open now: closed for a while after too many wrong secrets. */
    public boolean signInAllowed() {
        return throttle.allows(Instant.now());
    }

    public boolean secretMatches(String offered) {
        boolean matches = settings.adminSecret().map(secret -> IdTokenVerifier.sameSecret(secret, offered)).orElse(false);
        if (!matches) {
            throttle.failed(Instant.now());
        }
        return matches;
    }

    public String issueToken() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("admin").audience("organizing-workbench/admin")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(LIFETIME))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build(), claims);
        try {
            jwt.sign(new MACSigner(keyRing.sessionKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public boolean tokenValid(String authorizationHeader) {
        if (!enabled() || authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorizationHeader.substring(7).trim());
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return TYPE.equals(jwt.getHeader().getType()) && JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    && jwt.verify(new MACVerifier(keyRing.sessionKey()))
                    && claims.getAudience().contains("organizing-workbench/admin")
                    && claims.getExpirationTime() != null && new Date().before(claims.getExpirationTime());
        } catch (ParseException | JOSEException e) {
            return false;
        }
    }
}
