package org.organizingworkbench.web.coaching;

import org.organizingworkbench.http.Routes;

import java.util.Set;

/** Section coaching: feedback, the grading queue, the section dashboard, the coaching log. */
public class CoachingRoutes implements Routes {

    @Override
    public Set<Class<?>> classes() {
        return Set.of(CoachingResource.class);
    }
}
