package org.organizingworkbench.web.sections;

import org.organizingworkbench.http.Routes;

import java.util.Set;

/** Sections an instructor arranges. */
public class SectionsRoutes implements Routes {

    @Override
    public Set<Class<?>> classes() {
        return Set.of(SectionsResource.class);
    }
}
