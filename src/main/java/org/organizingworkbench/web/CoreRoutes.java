package org.organizingworkbench.web;

import org.organizingworkbench.http.Routes;

import java.util.Set;

/** What every request passes through: the session and security filters, the refusal page, static files. */
public class CoreRoutes implements Routes {

    @Override
    public Set<Class<?>> classes() {
        return Set.of(StaticResource.class, SessionFilter.class, RefusalPage.class, SecurityHeadersFilter.class);
    }
}
