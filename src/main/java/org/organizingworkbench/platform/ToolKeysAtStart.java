package org.organizingworkbench.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.organizingworkbench.infrastructure.ToolStarted;

/**
 * Makes the tool's missing keys as soon as the schema is current, before any other observer of {@link ToolStarted}
 * (they sign, or register platforms that fetch our JWKS). The platform listens, so infrastructure needs not know it.
 */
@ApplicationScoped
public class ToolKeysAtStart {

    @Inject
    ToolKeyRing keyRing;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ToolStarted started) {
        keyRing.ensureKeys();
    }
}
