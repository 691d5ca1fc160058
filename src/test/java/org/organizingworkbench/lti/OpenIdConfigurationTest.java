package org.organizingworkbench.lti;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a platform's OpenID configuration: what registration needs, what the platform offers. */
class OpenIdConfigurationTest {

    /** Canvas's example in doc/api/registration.md, shortened. */
    private static final String CANVAS = """
            {
              "issuer": "https://canvas.instructure.com",
              "authorization_endpoint": "https://sso.canvaslms.com/api/lti/authorize_redirect",
              "registration_endpoint": "https://canvas.instructure.com/api/lti/registrations",
              "jwks_uri": "https://sso.canvaslms.com/api/lti/security/jwks",
              "token_endpoint": "https://sso.canvaslms.com/login/oauth2/token",
              "token_endpoint_auth_methods_supported": ["private_key_jwt"],
              "scopes_supported": ["https://purl.imsglobal.org/spec/lti-ags/scope/score",
                                   "https://canvas.instructure.com/lti/public_jwk/scope/update"],
              "id_token_signing_alg_values_supported": ["RS256"],
              "https://purl.imsglobal.org/spec/lti-platform-configuration": {
                "product_family_code": "canvas",
                "version": "vCloud",
                "messages_supported": [
                  {"type": "LtiResourceLinkRequest", "placements": ["account_navigation", "course_navigation"]},
                  {"type": "LtiDeepLinkingRequest", "placements": ["assignment_selection", "link_selection"]}
                ],
                "https://canvas.instructure.com/lti/account_name": "Test University"
              }
            }""";

    @Test
    @DisplayName("Canvas: endpoints, scopes, product, messages with placements and the account name")
    void canvas() throws Exception {
        OpenIdConfiguration c = OpenIdConfiguration.parse(CANVAS);
        assertEquals("https://canvas.instructure.com", c.issuer());
        assertEquals("https://sso.canvaslms.com/api/lti/authorize_redirect", c.authorizationEndpoint());
        assertEquals("https://sso.canvaslms.com/login/oauth2/token", c.tokenEndpoint());
        assertEquals("https://sso.canvaslms.com/api/lti/security/jwks", c.jwksUri());
        assertEquals("https://canvas.instructure.com/api/lti/registrations", c.registrationEndpoint());
        assertTrue(c.isCanvas());
        assertEquals("vCloud", c.version());
        assertEquals("Test University", c.accountName());
        assertEquals(List.of("assignment_selection", "link_selection"),
                c.message("LtiDeepLinkingRequest").orElseThrow().placements());
        assertFalse(c.supportsMessage("LtiSubmissionReviewRequest"));
        assertTrue(c.supportsScope("https://purl.imsglobal.org/spec/lti-ags/scope/score"));
        assertFalse(c.supportsScope("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"));
    }

    @Test
    @DisplayName("a platform that says nothing of messages or scopes is taken to offer them all")
    void silentPlatform() throws Exception {
        OpenIdConfiguration c = OpenIdConfiguration.parse("""
                {"issuer": "https://lms.example.edu", "authorization_endpoint": "https://lms.example.edu/auth",
                 "token_endpoint": "https://lms.example.edu/token", "jwks_uri": "https://lms.example.edu/jwks",
                 "registration_endpoint": "https://lms.example.edu/register"}""");
        assertTrue(c.supportsMessage("LtiDeepLinkingRequest"));
        assertTrue(c.supportsScope("https://purl.imsglobal.org/spec/lti-ags/scope/score"));
        assertFalse(c.isCanvas() || c.isMoodle());
    }

    @Test
    @DisplayName("every missing or non-http endpoint is named")
    void missingEndpoints() {
        DynamicRegistrationException e = assertThrows(DynamicRegistrationException.class, () -> OpenIdConfiguration.parse("""
                {"issuer": "https://lms.example.edu", "token_endpoint": "ftp://lms.example.edu/token",
                 "jwks_uri": "https://lms.example.edu/jwks"}"""));
        assertEquals(RegistrationFailure.CONFIGURATION_INVALID, e.failure());
        assertEquals("missing or not an http(s) URL: authorization_endpoint, token_endpoint, registration_endpoint", e.detail());
    }

    @Test
    @DisplayName("a platform that cannot sign with RS256, or an answer that is not JSON, is not a usable configuration")
    void notUsable() {
        assertEquals(RegistrationFailure.CONFIGURATION_INVALID, assertThrows(DynamicRegistrationException.class,
                () -> OpenIdConfiguration.parse(CANVAS.replace("[\"RS256\"]", "[\"HS256\"]"))).failure());
        assertEquals(RegistrationFailure.CONFIGURATION_INVALID, assertThrows(DynamicRegistrationException.class,
                () -> OpenIdConfiguration.parse("<html>login</html>")).failure());
    }
}
