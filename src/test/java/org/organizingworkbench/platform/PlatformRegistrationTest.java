package org.organizingworkbench.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PlatformRegistrationTest {

    static PlatformRegistration moodle() {
        return new PlatformRegistration("Harness Moodle", "http://127.0.0.1:8081", "harness-tool-client",
                "http://127.0.0.1:8081/mod/lti/auth.php", "http://127.0.0.1:8081/mod/lti/token.php",
                "http://127.0.0.1:8081/mod/lti/certs.php", List.of("1"));
    }

    static PlatformRegistration registration(String name, String issuer, String clientId, String authUrl, String tokenUrl,
                                       String jwksUrl, List<String> deploymentIds) {
        return new PlatformRegistration(name, issuer, clientId, authUrl, tokenUrl, jwksUrl, deploymentIds);
    }

    static final String NAME = "Canvas";
    static final String ISS = "https://canvas.instructure.com";
    static final String CLIENT = "10000000000042";
    static final String AUTH = "https://sso.canvaslms.com/api/lti/authorize_redirect";
    static final String TOKEN = "https://sso.canvaslms.com/login/oauth2/token";
    static final String JWKS = "https://sso.canvaslms.com/api/lti/security/jwks";
    static final List<String> DEPLOYMENTS = List.of("8:b82229c6e10bcb87beb1f1b287faee560ddc3109");

    @Test
    @DisplayName("a valid Moodle registration (http on loopback) has no problems")
    void validMoodle() {
        assertEquals(List.of(), moodle().problems());
    }

    @Test
    @DisplayName("a valid Canvas registration has no problems")
    void validCanvas() {
        assertEquals(List.of(), registration(NAME, ISS, CLIENT, AUTH, TOKEN, JWKS, DEPLOYMENTS).problems());
    }

    @Test
    @DisplayName("no deployments (null) is valid: they can come later")
    void noDeployments() {
        PlatformRegistration registration = registration(NAME, ISS, CLIENT, AUTH, TOKEN, JWKS, null);
        assertEquals(List.of(), registration.deploymentIds());
        assertEquals(List.of(), registration.problems());
    }

    @Test
    @DisplayName("a deployment id of exactly 255 characters is valid")
    void longestDeploymentId() {
        assertEquals(List.of(), registration(NAME, ISS, CLIENT, AUTH, TOKEN, JWKS, List.of("d".repeat(255))).problems());
    }

    static Stream<Arguments> badRegistrations() {
        return Stream.of(
                arguments("name missing", registration(null, ISS, CLIENT, AUTH, TOKEN, JWKS, DEPLOYMENTS), List.of("name")),
                arguments("name blank", registration("  ", ISS, CLIENT, AUTH, TOKEN, JWKS, DEPLOYMENTS), List.of("name")),
                arguments("issuer missing", registration(NAME, null, CLIENT, AUTH, TOKEN, JWKS, DEPLOYMENTS), List.of("issuer")),
                arguments("client id blank", registration(NAME, ISS, " ", AUTH, TOKEN, JWKS, DEPLOYMENTS), List.of("clientId")),
                arguments("client id missing", registration(NAME, ISS, null, AUTH, TOKEN, JWKS, DEPLOYMENTS), List.of("clientId")),
                arguments("auth URL not http(s)", registration(NAME, ISS, CLIENT, "ftp://sso.canvaslms.com/auth", TOKEN, JWKS, DEPLOYMENTS),
                        List.of("authUrl")),
                arguments("auth URL relative", registration(NAME, ISS, CLIENT, "/api/lti/authorize_redirect", TOKEN, JWKS, DEPLOYMENTS),
                        List.of("authUrl")),
                arguments("token URL not a URL", registration(NAME, ISS, CLIENT, AUTH, "not a url", JWKS, DEPLOYMENTS),
                        List.of("tokenUrl")),
                arguments("token URL missing", registration(NAME, ISS, CLIENT, AUTH, null, JWKS, DEPLOYMENTS), List.of("tokenUrl")),
                arguments("JWKS URL without host", registration(NAME, ISS, CLIENT, AUTH, TOKEN, "https:///jwks", DEPLOYMENTS),
                        List.of("jwksUrl")),
                arguments("JWKS URL javascript:", registration(NAME, ISS, CLIENT, AUTH, TOKEN, "javascript:alert(1)", DEPLOYMENTS),
                        List.of("jwksUrl")),
                arguments("deployment id longer than 255", registration(NAME, ISS, CLIENT, AUTH, TOKEN, JWKS, List.of("1", "d".repeat(256))),
                        List.of("deploymentIds")),
                arguments("deployment id blank", registration(NAME, ISS, CLIENT, AUTH, TOKEN, JWKS, List.of(" ")), List.of("deploymentIds")),
                arguments("everything wrong: every field named, in form order",
                        registration("", "", "", "mailto:x@example.com", "", "file:///etc/jwks.json", List.of("")),
                        List.of("name", "issuer", "clientId", "authUrl", "tokenUrl", "jwksUrl", "deploymentIds")));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @MethodSource("badRegistrations")
    void namesTheBadFields(String description, PlatformRegistration registration, List<String> expected) {
        assertEquals(expected, registration.problems(), description);
    }

    @Test
    @DisplayName("the deployment list is copied: later changes to the caller's list don't reach the registration")
    void deploymentIdsAreCopied() {
        List<String> ids = new ArrayList<>(List.of("1"));
        PlatformRegistration registration = registration(NAME, ISS, CLIENT, AUTH, TOKEN, JWKS, ids);
        ids.add("d".repeat(256));
        assertEquals(List.of("1"), registration.deploymentIds());
        assertEquals(List.of(), registration.problems());
        assertThrows(UnsupportedOperationException.class, () -> registration.deploymentIds().add("2"));
    }

    @Test
    @DisplayName("a null deployment id is reported as a problem, not a NullPointerException")
    void nullDeploymentId() {
        PlatformRegistration registration = registration(NAME, ISS, CLIENT, AUTH, TOKEN, JWKS, Arrays.asList("1", null));
        assertEquals(List.of("deploymentIds"), registration.problems());
    }
}
