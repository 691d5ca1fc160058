package org.organizingworkbench.web.admin;

import org.organizingworkbench.web.BearerToken;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.launch.ToolTokens;
import org.organizingworkbench.lti.IdTokenVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** The tool administrator: proves the admin secret once, then carries a 30-minute admin token as a Bearer header. */
@ApplicationScoped
public class AdminAccess {

    private static final JOSEObjectType TYPE = new JOSEObjectType("workbench-admin+jwt");
    private static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final String AUDIENCE = "organizing-workbench/admin";

    @Inject
    Settings settings;

    @Inject
    ToolTokens tokens;

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
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("admin").audience(AUDIENCE)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(LIFETIME))).build();
        return tokens.sign(TYPE, claims);
    }

    public boolean tokenValid(String authorizationHeader) {
        return enabled() && BearerToken.of(authorizationHeader)
                .flatMap(token -> tokens.verify(token, TYPE, AUDIENCE)).isPresent();
    }
}
