package org.organizingworkbench.web;

import org.organizingworkbench.http.Routes;

import java.util.Set;

/**
 * What every request passes through in JAX-RS: the session filter, the refusal pages (the tool's own answer to
 * whatever fails), forms taken only as forms, static files. The security headers and body limits are servlet filters
 * (WEB-INF/web.xml), so they cover the container's own answers too.
 */
public class CoreRoutes implements Routes {

    @Override
    public Set<Class<?>> classes() {
        return Set.of(StaticResource.class, SessionFilter.class, RefusalPage.class, UnexpectedFailure.class,
                FormContentType.class);
    }
}
