package org.organizingworkbench.infrastructure;

import java.util.Optional;

/**
 * What an admin secret must be: long enough that guessing it through the throttled sign-in is hopeless, and not the
 * placeholder printed in deploy/env.example, which anyone can read.
 */
public final class AdminSecret {

    public static final int MINIMUM_LENGTH = 16;
    /** The placeholder of deploy/env.example. */
    public static final String PLACEHOLDER = "replace-with-another-random-secret";

    public enum Problem { TOO_SHORT, PLACEHOLDER }

    private AdminSecret() {
    }

    /** Why this secret must not open the admin page; empty when it may. */
    public static Optional<Problem> problem(String secret) {
        if (secret == null || secret.strip().length() < MINIMUM_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        return PLACEHOLDER.equals(secret.strip()) ? Optional.of(Problem.PLACEHOLDER) : Optional.empty();
    }
}
