package org.organizingworkbench.launch;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.lti.CanvasPlatform;
import org.organizingworkbench.lti.LtiLaunch;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs and checks the Deep Linking context the picker page carries (HS256 with the tool's session key, its own
 * type and audience, so neither a session token nor an id_token can stand in for it).
 */
@ApplicationScoped
public class DeepLinkContexts {

    static final JOSEObjectType TYPE = new JOSEObjectType("workbench-deep-link+jwt");
    private static final String AUDIENCE = "organizing-workbench/deep-link";
    /** How long an instructor may take to choose. */
    static final Duration LIFETIME = Duration.ofMinutes(30);

    @Inject
    ToolTokens tokens;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** The context of a verified Deep Linking request, for the person and course of its session. */
    public String issue(LtiLaunch request, Session session) {
        LtiLaunch.DeepLinkingSettings dl = request.deepLinkingSettings()
                .orElseThrow(() -> new IllegalArgumentException("not a deep linking request"));
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.baseUrl())
                .audience(AUDIENCE)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("platform_issuer", request.issuer())
                .claim("client_id", request.clientId())
                .claim("deployment_id", request.deploymentId())
                .claim("return_url", dl.returnUrl())
                .claim("data", dl.data())
                .claim("accept_multiple", dl.acceptMultiple())
                .claim("canvas", CanvasPlatform.recognises(request))
                .claim("person", session.personId())
                .claim("course", session.courseId());
        return tokens.sign(TYPE, claims.build());
    }

    /** The context, if the token is ours, intact, unexpired and issued to this session's person and course. */
    public Optional<DeepLinkContext> verify(String token, Session session) {
        Optional<JWTClaimsSet> verified = tokens.verify(token, TYPE, AUDIENCE);
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        JWTClaimsSet claims = verified.get();
        try {
            DeepLinkContext context = new DeepLinkContext(claims.getStringClaim("platform_issuer"),
                    claims.getStringClaim("client_id"), claims.getStringClaim("deployment_id"),
                    claims.getStringClaim("return_url"), claims.getStringClaim("data"),
                    Boolean.TRUE.equals(claims.getBooleanClaim("accept_multiple")), claims.getLongClaim("person"),
                    claims.getLongClaim("course"), claims.getExpirationTime().toInstant(),
                    Boolean.TRUE.equals(claims.getBooleanClaim("canvas")));
            if (!java.util.Objects.equals(context.personId(), session.personId())
                    || !java.util.Objects.equals(context.courseId(), session.courseId())
                    || context.returnUrl() == null) {
                return Optional.empty();
            }
            return Optional.of(context);
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
