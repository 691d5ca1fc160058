package org.organizingworkbench.web;

import java.util.Optional;

/** The token of an {@code Authorization: Bearer …} header (RFC 6750 §2.1; the scheme is case-insensitive). */
public final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {
    }

    public static Optional<String> of(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        return Optional.of(authorizationHeader.substring(SCHEME.length()));
    }
}
