package org.organizingworkbench.lti;

import java.util.Set;

/**
 * What the service clients need to know of the tool's registration at one platform: the platform's token URL
 * (exactly as registered: it is the assertion's {@code aud}), the client_id the platform gave the tool, and the
 * scopes to ask for. All calls for one registration ask for the same scope set, so one access token serves them all.
 */
public record ServiceRegistration(String tokenUrl, String clientId, Set<String> scopes) {

    public ServiceRegistration {
        if (tokenUrl == null || tokenUrl.isBlank()) {
            throw new IllegalArgumentException("a token URL is required");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("a client_id is required");
        }
        scopes = Set.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("at least one scope is required");
        }
    }

    /** Whether any of the given scopes is asked for; a service call needs one of them. */
    public boolean requestsAnyOf(Set<String> accepted) {
        return accepted.stream().anyMatch(scopes::contains);
    }
}
