package org.organizingworkbench.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.NotFoundException;
import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.access.Viewers;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.launch.SessionTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.organizingworkbench.view.Templates;

/**
 * Every request under /app must carry the session token a launch issued, as {@code Authorization: Bearer …} (htmx
 * adds it to each request). No cookie is involved, so it works in a third-party iframe. A token past half its life
 * is renewed through the {@code X-Session-Token} response header.
 */
@Provider
public class SessionFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String SESSION = "workbench.session";
    public static final String VIEWER = "workbench.viewer";
    static final String RENEWED_TOKEN_HEADER = "X-Session-Token";

    @Inject
    SessionTokens tokens;

    @Inject
    Settings settings;

    @Inject
    Templates templates;

    @Inject
    Viewers viewers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("app/")) {
            return;
        }
        Optional<Session> session = BearerToken.of(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(tokens::verify);
        if (session.isEmpty()) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(templates.render("session-ended",
                            Locales.choose(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)), new SessionEnded(false)))
                    .build());
            return;
        }
        Session verified = session.get();
        if (verified.inCourse() && verified.membershipId() != null && verified.personId() != null) {
            // The token names the membership; what it may do is read from the database on every request.
            Optional<Viewer> viewer = viewers.of(verified.personId(), verified.courseId(), verified.membershipId());
            if (viewer.isEmpty()) {
                request.abortWith(Response.status(Response.Status.FORBIDDEN)
                        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(templates.render("refusal", Locales.choose(verified.locale()),
                                new RefusalPages.Refusal("notMember", null))).build());
                return;
            }
            verified = verified.withRole(viewer.get().role());
            request.setProperty(VIEWER, viewer.get());
        }
        request.setProperty(SESSION, verified);
    }

    /** The viewer of this request; a session outside a course (or a forged request) finds nothing here. */
    public static Viewer viewer(ContainerRequestContext request) {
        if (request.getProperty(VIEWER) instanceof Viewer viewer) {
            return viewer;
        }
        throw new NotFoundException();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(SESSION) instanceof Session session && response.getStatus() < 400) {
            Duration left = Duration.between(Instant.now(), session.expiresAt());
            if (left.compareTo(settings.sessionLifetime().dividedBy(2)) < 0) {
                response.getHeaders().putSingle(RENEWED_TOKEN_HEADER, tokens.renew(session));
            }
        }
    }
}
