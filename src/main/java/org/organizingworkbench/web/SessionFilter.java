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
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.launch.Session;
import org.organizingworkbench.launch.SessionTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
    static final String RENEWED_TOKEN_HEADER = "X-Session-Token";

    @Inject
    SessionTokens tokens;

    @Inject
    Settings settings;

    @Inject
    Templates templates;

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
                            Locales.choose(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)), Map.of()))
                    .build());
            return;
        }
        request.setProperty(SESSION, session.get());
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
