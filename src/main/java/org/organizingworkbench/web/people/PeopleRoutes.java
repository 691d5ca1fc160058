package org.organizingworkbench.web.people;

import org.organizingworkbench.http.Routes;

import java.util.Set;

/** The course's people and the roles an instructor chooses for them. */
public class PeopleRoutes implements Routes {

    @Override
    public Set<Class<?>> classes() {
        return Set.of(PeopleResource.class);
    }
}
