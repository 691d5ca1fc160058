package org.organizingworkbench.platform;

/**
 * A dynamic registration named an (issuer, client_id) pair the tool already has, with other endpoints. A platform
 * that registers itself never changes an existing registration: only the tool administrator can.
 */
public class RegistrationConflictException extends RuntimeException {

    public RegistrationConflictException(String issuer, String clientId) {
        super("issuer '" + issuer + "' and client_id '" + clientId
                + "' are already registered with other endpoints; only the admin page can change them");
    }
}
