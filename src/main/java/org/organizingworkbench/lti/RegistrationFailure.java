package org.organizingworkbench.lti;

/**
 * Every way an LTI Dynamic Registration can fail on the tool's side, named after the step that failed. The web
 * layer turns each into a page that says what went wrong and what to check, as {@link LaunchRule} does for launches.
 */
public enum RegistrationFailure {
    REQUEST_INVALID("LTI Dynamic Registration 1.0: the platform opens the tool with openid_configuration, an http(s) URL"),
    CONFIGURATION_UNREACHABLE("LTI Dynamic Registration 1.0: the tool fetches the platform's OpenID configuration"),
    CONFIGURATION_REFUSED("LTI Dynamic Registration 1.0: the platform answers the configuration request; Canvas and Moodle require the registration token as Bearer"),
    CONFIGURATION_INVALID("LTI Dynamic Registration 1.0: the configuration names the issuer, authorization, token, JWKS and registration endpoints, and RS256"),
    ISSUER_MISMATCH("LTI Dynamic Registration 1.0 §3.5.1: the issuer must match the URL the configuration was fetched from"),
    REGISTRATION_ENDPOINT_MISMATCH("Tool policy: the registration endpoint must be on the issuer's origin, so the registration token goes nowhere else"),
    REGISTRATION_UNREACHABLE("LTI Dynamic Registration 1.0: the tool posts its registration to the platform's registration endpoint"),
    REGISTRATION_REFUSED("LTI Dynamic Registration 1.0: the platform accepts the tool's registration"),
    REGISTRATION_INVALID("LTI Dynamic Registration 1.0: the registration response carries the client_id the platform issued");

    private final String specification;

    RegistrationFailure(String specification) {
        this.specification = specification;
    }

    /** Where the step comes from, for logs and for the admin. */
    public String specification() {
        return specification;
    }
}
