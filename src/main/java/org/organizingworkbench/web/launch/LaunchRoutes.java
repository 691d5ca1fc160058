package org.organizingworkbench.web.launch;

import org.organizingworkbench.http.Routes;

import java.util.Set;

/**
 * The LTI endpoints a platform calls (login, launch, registration, keys, configuration, deep linking) and the
 * tool's front door.
 */
public class LaunchRoutes implements Routes {

    @Override
    public Set<Class<?>> classes() {
        return Set.of(LoginResource.class, LaunchResource.class, RegistrationResource.class, JwksResource.class,
                CanvasConfigResource.class, RootResource.class, DeepLinkResource.class);
    }
}
