package org.organizingworkbench.web.home;

import org.organizingworkbench.http.Routes;

import java.util.Set;

/** Each role's home page. */
public class HomeRoutes implements Routes {

    @Override
    public Set<Class<?>> classes() {
        return Set.of(HomeResource.class);
    }
}
