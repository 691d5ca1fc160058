package org.organizingworkbench.web.review;

import org.organizingworkbench.http.Routes;

import java.util.Set;

/** Peer review: the reviewer's, the author's and the staff's pages. */
public class ReviewRoutes implements Routes {

    @Override
    public Set<Class<?>> classes() {
        return Set.of(ReviewResource.class);
    }
}
