package org.organizingworkbench.web.grading;

import org.organizingworkbench.http.Routes;

import java.util.Set;

/** Grades staff give and the LMS gradebook beside them. */
public class GradingRoutes implements Routes {

    @Override
    public Set<Class<?>> classes() {
        return Set.of(GradesResource.class);
    }
}
