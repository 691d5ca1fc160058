package org.organizingworkbench.web.privacy;

import org.organizingworkbench.http.Routes;

import java.util.Set;

/** Personal data: an instructor's privacy choices and the administrator's personal data panel (docs/privacy.md). */
public class PrivacyRoutes implements Routes {

    @Override
    public Set<Class<?>> classes() {
        return Set.of(PrivacyResource.class, AdminPrivacyResource.class);
    }
}
