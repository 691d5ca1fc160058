package org.organizingworkbench.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.organizingworkbench.http.Routes;
import org.organizingworkbench.infrastructure.Settings;

import java.util.HashSet;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The HTTP surface: every room's routes, found through {@link Routes} (META-INF/services). Routes meant only for
 * development (the emulator) are registered only in the development profile: in production they do not exist,
 * whatever a request says.
 */
@ApplicationPath("/")
public class WorkbenchApplication extends Application {

    @Inject
    Settings settings;

    @Override
    public Set<Class<?>> getClasses() {
        boolean development = settings != null && settings.isDevelopment();
        Set<Class<?>> classes = new HashSet<>();
        for (Routes routes : ServiceLoader.load(Routes.class, WorkbenchApplication.class.getClassLoader())) {
            if (development || !routes.developmentOnly()) {
                classes.addAll(routes.classes());
            }
        }
        return classes;
    }
}
