package org.organizingworkbench.emulator;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After a successful launch, gives the demo course its sections if it has none yet ({@link DemoSections}). Registered
 * with the emulator's resources, in the development profile only; the launch itself is untouched.
 */
public class DemoSectionsFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(DemoSectionsFilter.class.getName());

    @Inject
    DemoSections demoSections;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"POST".equals(request.getMethod()) || response.getStatus() != 200
                || !"lti/launch".equals(request.getUriInfo().getPath())) {
            return;
        }
        try {
            demoSections.seedIfNeeded();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not give the demo course its sections", e);
        }
    }
}
