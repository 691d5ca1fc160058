package org.organizingworkbench.web.admin;

import org.organizingworkbench.web.Locales;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;
import org.organizingworkbench.view.Templates;

/** Every admin request but the sign-in page and the sign-in itself must carry a valid admin token. */
@Provider
public class AdminFilter implements ContainerRequestFilter {

    private static final Set<String> OPEN = Set.of("admin", "admin/", "admin/session");

    @Inject
    AdminAccess access;

    @Inject
    Templates templates;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("admin") || OPEN.contains(path)) {
            return;
        }
        if (!access.tokenValid(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(templates.render("session-ended",
                            Locales.choose(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)), new org.organizingworkbench.web.SessionEnded(true)))
                    .build());
        }
    }

}
