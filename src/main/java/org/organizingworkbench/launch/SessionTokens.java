package org.organizingworkbench.launch;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.course.CourseRole;
import org.organizingworkbench.infrastructure.Settings;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/** Issues and checks the short-lived signed session tokens (HS256 with the tool's session key). */
@ApplicationScoped
public class SessionTokens {

    static final JOSEObjectType TYPE = new JOSEObjectType("workbench-session+jwt");
    private static final String AUDIENCE = "organizing-workbench/session";

    @Inject
    ToolTokens tokens;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    public String issue(Session session) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.baseUrl())
                .audience(AUDIENCE)
                .subject(session.personId() == null ? "anonymous" : String.valueOf(session.personId()))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(session.expiresAt()))
                .claim("name", session.displayName())
                .claim("course", session.courseId())
                .claim("course_title", session.courseTitle())
                .claim("membership", session.membershipId())
                .claim("role", session.role().name())
                .claim("platform", session.platformId())
                .claim("deployment", session.deploymentRowId())
                .claim("locale", session.locale())
                .claim("resource_link", session.resourceLinkId());
        return tokens.sign(TYPE, claims.build());
    }

    /** A fresh token for the same session, so an active user is not cut off while working. */
    public String renew(Session session) {
        return issue(withExpiry(session, clock.instant().plus(settings.sessionLifetime())));
    }

    public Session newSession(Session unexpiring) {
        return withExpiry(unexpiring, clock.instant().plus(settings.sessionLifetime()));
    }

    /** The session a token stands for, if it is ours, intact and not expired. */
    public Optional<Session> verify(String token) {
        Optional<JWTClaimsSet> verified = tokens.verify(token, TYPE, AUDIENCE);
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        JWTClaimsSet claims = verified.get();
        try {
            String subject = claims.getSubject();
            return Optional.of(new Session("anonymous".equals(subject) ? null : Long.valueOf(subject),
                    claims.getStringClaim("name"), claims.getLongClaim("course"), claims.getStringClaim("course_title"),
                    claims.getLongClaim("membership"), CourseRole.valueOf(claims.getStringClaim("role")),
                    claims.getLongClaim("platform"), claims.getLongClaim("deployment"), claims.getStringClaim("locale"),
                    claims.getExpirationTime().toInstant(), claims.getLongClaim("resource_link")));
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Session withExpiry(Session s, Instant expiresAt) {
        return new Session(s.personId(), s.displayName(), s.courseId(), s.courseTitle(), s.membershipId(), s.role(),
                s.platformId(), s.deploymentRowId(), s.locale(), expiresAt, s.resourceLinkId());
    }
}
