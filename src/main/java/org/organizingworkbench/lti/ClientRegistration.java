package org.organizingworkbench.lti;

import java.util.List;

/**
 * What the platform answered to a dynamic registration: the client_id it issued and, when the platform deploys the
 * tool at once (Moodle: the tool type id), the deployment_id.
 *
 * @param deploymentId null when the platform deploys later (Canvas: when an admin installs the app)
 * @param scopes       the scopes the platform says it granted; empty when it does not say
 */
public record ClientRegistration(String clientId, String deploymentId, List<String> scopes) {

    public ClientRegistration {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
