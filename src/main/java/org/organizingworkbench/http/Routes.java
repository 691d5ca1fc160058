package org.organizingworkbench.http;

import java.util.Set;

/**
 * One room of the HTTP surface: the JAX-RS resources and providers it brings. Each room lists itself in
 * {@code META-INF/services/org.organizingworkbench.http.Routes}, so the application gathers them without naming
 * them, and a room that exists only for development (the emulator) says so.
 */
public interface Routes {

    Set<Class<?>> classes();

    /** Whether these routes exist only in the development profile; in production they are never registered. */
    default boolean developmentOnly() {
        return false;
    }
}
