package org.organizingworkbench.web.admin;

import org.organizingworkbench.http.Routes;

import java.util.Set;

/** The administrator's pages and the filter that guards them. */
public class AdminRoutes implements Routes {

    @Override
    public Set<Class<?>> classes() {
        return Set.of(AdminResource.class, AdminFilter.class);
    }
}
