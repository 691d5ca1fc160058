package org.organizingworkbench.lti;

/**
 * Every rule a login or launch can break, named after what it checks. The spec reference says where the rule comes
 * from; the web layer turns a rule into a page that says what went wrong and what the admin should check.
 */
public enum LaunchRule {
    LOGIN_PARAMETERS("OIDC third-party login: iss, login_hint and target_link_uri are required; every parameter within the tool's length limits"),
    PLATFORM_UNKNOWN("Security Framework 5.1.1: the issuer/client_id pair must be registered"),
    PLATFORM_AMBIGUOUS("Security Framework 5.1.1: several registrations share this issuer and no client_id was sent"),
    PLATFORM_PENDING("Tool policy (WORKBENCH_REGISTRATION_APPROVAL=admin): a platform that registered itself waits for the tool administrator's approval"),
    DEPLOYMENT_UNKNOWN("LTI Core 5.3.3: the deployment_id must be known for this registration"),
    DEPLOYMENT_PENDING("LTI Core 5.3.3: the deployment waits for the tool administrator's approval"),
    DEPLOYMENT_DISABLED("Tool policy: the tool administrator disabled this deployment (its data is kept)"),
    DEPLOYMENT_MISMATCH("LTI Core 5.3.3: the deployment_id of the login must match the launch"),
    STATE_UNKNOWN("Security Framework 5.1.1.5: state must be one we issued, unused and not expired"),
    STATE_NOT_BOUND("OIDC Core 3.1.2.7: the launch must come back to the browser that started the login"),
    NOT_A_JWT("Security Framework 5.1.3: the id_token must be a signed JWT"),
    ID_TOKEN_TOO_LARGE("Tool policy: an id_token of at most 64 KiB (real ones are a few kilobytes)"),
    ALGORITHM_NOT_ALLOWED("Security Framework 5.1.3 step 6: only RS256 is accepted"),
    KID_MISSING("Security Framework 6.3: the JWT header must name its key (kid)"),
    KID_UNKNOWN("Security Framework 6.3: the kid must be in the platform's key set"),
    PLATFORM_KEYS_UNAVAILABLE("Security Framework 6.3: the platform's key set could not be fetched"),
    SIGNATURE_INVALID("Security Framework 5.1.3 step 1: the signature must verify with the platform's key"),
    ISSUER_MISMATCH("Security Framework 5.1.3 step 2: iss must exactly match the registered issuer"),
    AUDIENCE_MISMATCH("Security Framework 5.1.3 step 3: aud must contain our client_id and no untrusted audience"),
    AUTHORIZED_PARTY_MISMATCH("Security Framework 5.1.3 steps 4-5: azp must be present with several audiences and equal our client_id"),
    EXPIRED("Security Framework 5.1.3 step 7: the token must not be expired"),
    ISSUED_AT_OUT_OF_RANGE("Security Framework 5.1.3 step 8: iat must be present and close to now"),
    NONCE_MISMATCH("Security Framework 5.1.3 step 9: nonce must be present and equal the one sent at login"),
    VERSION_UNSUPPORTED("LTI Core 5.3.3: the version claim must be 1.3.0"),
    MESSAGE_TYPE_UNKNOWN("LTI Core 5.3.1: message_type must be one this tool handles"),
    DEPLOYMENT_ID_MISSING("LTI Core 5.3.3: deployment_id must be present, at most 255 ASCII characters"),
    ROLES_MISSING("LTI Core 5.3.7: the roles claim must be present (it may be empty)"),
    RESOURCE_LINK_MISSING("LTI Core 5.3.5: resource_link.id must be present, at most 255 characters"),
    TARGET_LINK_URI_MISMATCH("LTI Core 5.3.4: target_link_uri must be present and point at this tool"),
    USER_MISSING("LTI Core 5.3.6: sub must be present unless the launch is anonymous"),
    DEEP_LINKING_SETTINGS_MISSING("Deep Linking 2.0 4.4.1: deep_linking_settings with deep_link_return_url is required"),
    DEEP_LINK_RETURN_URL_INVALID("Deep Linking 2.0 4.4.1: deep_link_return_url must be an absolute http(s) URL"),
    FOR_USER_MISSING("Submission Review 1.0: for_user.user_id is required");

    private final String specification;

    LaunchRule(String specification) {
        this.specification = specification;
    }

    /** Where the rule comes from, for logs and for the admin. */
    public String specification() {
        return specification;
    }
}
