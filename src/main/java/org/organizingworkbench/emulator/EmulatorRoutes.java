package org.organizingworkbench.emulator;

import org.organizingworkbench.http.Routes;

import java.util.Set;

/** The development LMS: its pages and services, and the filter that seeds the demo course's sections. */
public class EmulatorRoutes implements Routes {

    @Override
    public Set<Class<?>> classes() {
        return Set.of(EmulatorResource.class, AgsResource.class, DynamicRegistrationResource.class,
                DemoSectionsFilter.class);
    }

    @Override
    public boolean developmentOnly() {
        return true;
    }
}
