package org.organizingworkbench.web.admin;

import org.organizingworkbench.web.BearerToken;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.launch.ToolTokens;
import org.organizingworkbench.lti.IdTokenVerifier;

import jakarta.servlet.http.HttpServletRequest;
import org.organizingworkbench.infrastructure.AdminSecret;
import org.organizingworkbench.web.ClientAddress;

import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
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

    /** Why the configured secret does not open the page (too short, the placeholder); empty when it does or none is set. */
    public Optional<AdminSecret.Problem> secretProblem() {
        return settings.adminSecretProblem();
    }

    private final SignInThrottle throttle = new SignInThrottle(10, Duration.ofMinutes(1), 10_000);
    private volatile ClientAddress clients;

    /** Who is signing in, for the throttle: the connection's address, or behind a trusted proxy the one it forwarded. */
    public String client(HttpServletRequest request) {
        ClientAddress known = clients;
        if (known == null) {
            known = new ClientAddress(settings.trustedProxies());
            clients = known;
        }
        return known.of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    /** Whether this client may try now: closed for a while after too many wrong secrets from the same client. */
    public boolean signInAllowed(String client) {
        return throttle.allows(client, Instant.now());
    }

    public boolean secretMatches(String offered, String client) {
        boolean matches = settings.adminSecret().map(secret -> IdTokenVerifier.sameSecret(secret, offered)).orElse(false);
        if (!matches) {
            throttle.failed(client, Instant.now());
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
