package org.organizingworkbench.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tool's half of LTI Dynamic Registration against a platform on loopback that behaves like Canvas or Moodle. */
class DynamicRegistrationClientTest {

    private static final String UA = "OrganizingWorkbench/test (+http://tool.test)";
    private final DynamicRegistrationClient client = new DynamicRegistrationClient(UA);
    private FakeRegistrationPlatform platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @DisplayName("the configuration GET carries the registration token as Bearer, an explicit User-Agent and asks for JSON")
    void configurationRequestCarriesTheToken() throws Exception {
        platform = new FakeRegistrationPlatform("moodle");
        OpenIdConfiguration configuration = client.fetchConfiguration(platform.configurationUrl(), FakeRegistrationPlatform.TOKEN);
        FakeRegistrationPlatform.Received get = platform.last("/openid-configuration");
        assertEquals("GET", get.method());
        assertEquals("Bearer " + FakeRegistrationPlatform.TOKEN, get.header("Authorization"));
        assertEquals(UA, get.header("User-Agent"));
        assertEquals("application/json", get.header("Accept"));
        assertEquals(platform.origin(), configuration.issuer());
        assertEquals(platform.origin() + "/register", configuration.registrationEndpoint());
        assertTrue(configuration.isMoodle());
    }

    @Test
    @DisplayName("without a token no Authorization header is sent, and a platform that requires one is reported so")
    void noTokenNoHeader() {
        platform = new FakeRegistrationPlatform("moodle");
        DynamicRegistrationException e = assertThrows(DynamicRegistrationException.class,
                () -> client.fetchConfiguration(platform.configurationUrl(), null));
        assertNull(platform.last("/openid-configuration").header("Authorization"));
        assertEquals(RegistrationFailure.CONFIGURATION_REFUSED, e.failure());
        assertTrue(e.detail().contains("HTTP 401"), e.detail());
        assertTrue(e.detail().contains("no registration token was given"), e.detail());
    }

    @Test
    @DisplayName("a wrong token is refused and the detail never repeats the token, even one the URL carried")
    void wrongTokenIsRefusedWithoutLeakingIt() {
        platform = new FakeRegistrationPlatform("canvas");
        String token = "not-the-token-4242";
        DynamicRegistrationException e = assertThrows(DynamicRegistrationException.class,
                () -> client.fetchConfiguration(platform.configurationUrl() + "?registration_token=" + token, token));
        assertEquals(RegistrationFailure.CONFIGURATION_REFUSED, e.failure());
        assertTrue(e.detail().contains("the registration token was not accepted"), e.detail());
        assertTrue(e.detail().contains("invalid_token"), "the platform's own words: " + e.detail());
        assertFalse(e.detail().contains(token), e.detail());
        assertFalse(e.getMessage().contains(token));
    }

    @Test
    @DisplayName("§3.5.1: an issuer on another origin than the configuration URL is refused")
    void issuerOnAnotherOriginIsRefused() {
        platform = new FakeRegistrationPlatform("moodle");
        platform.issuerOverride = "https://evil.example";
        DynamicRegistrationException e = assertThrows(DynamicRegistrationException.class,
                () -> client.fetchConfiguration(platform.configurationUrl(), FakeRegistrationPlatform.TOKEN));
        assertEquals(RegistrationFailure.ISSUER_MISMATCH, e.failure());
        assertFalse(e.detail().contains("https://evil.example"), "what the platform wrote is not repeated: " + e.detail());
        assertTrue(e.detail().contains(platform.origin()), e.detail());
        assertTrue(platform.received().stream().noneMatch(r -> r.path().equals("/register")), "nothing is registered");
    }

    @Test
    @DisplayName("the same host on another port is another origin; a path under the same origin is fine (Moodle in a folder)")
    void originIsSchemeHostAndPort() throws Exception {
        platform = new FakeRegistrationPlatform("moodle");
        platform.issuerOverride = "http://127.0.0.1:1";
        assertEquals(RegistrationFailure.ISSUER_MISMATCH, assertThrows(DynamicRegistrationException.class,
                () -> client.fetchConfiguration(platform.configurationUrl(), FakeRegistrationPlatform.TOKEN)).failure());
        platform.issuerOverride = platform.origin() + "/moodle";
        assertEquals(platform.origin() + "/moodle",
                client.fetchConfiguration(platform.configurationUrl(), FakeRegistrationPlatform.TOKEN).issuer());
        assertTrue(DynamicRegistrationClient.sameOrigin(URI.create("https://LMS.example.edu"), URI.create("https://lms.example.edu:443/x")));
        assertFalse(DynamicRegistrationClient.sameOrigin(URI.create("http://lms.example.edu"), URI.create("https://lms.example.edu")));
    }

    @Test
    @DisplayName("the registration POST is JSON with the token as Bearer; the answer gives client_id and Moodle's deployment_id")
    void registrationPostReturnsClientAndDeployment() throws Exception {
        platform = new FakeRegistrationPlatform("moodle");
        platform.deploymentId = "1";
        OpenIdConfiguration configuration = client.fetchConfiguration(platform.configurationUrl(), FakeRegistrationPlatform.TOKEN);
        ClientRegistration registration = client.register(configuration, ToolRegistrationRequestTest.tool(), FakeRegistrationPlatform.TOKEN);
        assertEquals("client-moodle", registration.clientId());
        assertEquals("1", registration.deploymentId());
        assertTrue(registration.scopes().contains("https://purl.imsglobal.org/spec/lti-ags/scope/score"));
        FakeRegistrationPlatform.Received post = platform.last("/register");
        assertEquals("POST", post.method());
        assertTrue(post.header("Content-Type").startsWith("application/json"), post.header("Content-Type"));
        assertEquals("Bearer " + FakeRegistrationPlatform.TOKEN, post.header("Authorization"));
        assertEquals(UA, post.header("User-Agent"));
        Map<String, Object> body = JSONObjectUtils.parse(post.body());
        assertEquals("web", body.get("application_type"));
        assertEquals(List.of("http://tool.test/lti/launch"), body.get("redirect_uris"));
    }

    @Test
    @DisplayName("Canvas answers without a deployment: there is none until an admin installs the app")
    void canvasRegistrationHasNoDeployment() throws Exception {
        platform = new FakeRegistrationPlatform("canvas");
        OpenIdConfiguration configuration = client.fetchConfiguration(platform.configurationUrl(), FakeRegistrationPlatform.TOKEN);
        ClientRegistration registration = client.register(configuration, ToolRegistrationRequestTest.tool(), FakeRegistrationPlatform.TOKEN);
        assertEquals("client-canvas", registration.clientId());
        assertNull(registration.deploymentId());
        Map<String, Object> tool = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(platform.last("/register").body()),
                ToolRegistrationRequest.TOOL_CONFIGURATION);
        assertEquals("public", tool.get(ToolRegistrationRequest.CANVAS_PRIVACY_LEVEL));
    }

    @Test
    @DisplayName("a registration endpoint off the issuer's origin gets neither the registration nor the token")
    void registrationEndpointOnAnotherOriginIsRefused() throws Exception {
        platform = new FakeRegistrationPlatform("moodle");
        try (FakeRegistrationPlatform elsewhere = new FakeRegistrationPlatform("moodle")) {
            platform.registrationEndpointOverride = elsewhere.origin() + "/register";
            OpenIdConfiguration configuration = client.fetchConfiguration(platform.configurationUrl(), FakeRegistrationPlatform.TOKEN);
            DynamicRegistrationException e = assertThrows(DynamicRegistrationException.class,
                    () -> client.register(configuration, ToolRegistrationRequestTest.tool(), FakeRegistrationPlatform.TOKEN));
            assertEquals(RegistrationFailure.REGISTRATION_ENDPOINT_MISMATCH, e.failure());
            assertTrue(e.detail().contains(platform.origin()), e.detail());
            assertTrue(elsewhere.received().isEmpty(), "the other host never heard of the token");
            assertTrue(platform.received().stream().noneMatch(r -> r.path().equals("/register")));
        }
    }

    @Test
    @DisplayName("a refused registration names the status and a known OAuth error code, never the platform's own words")
    void refusedRegistrationSaysWhy() throws Exception {
        platform = new FakeRegistrationPlatform("canvas");
        OpenIdConfiguration canvas = client.fetchConfiguration(platform.configurationUrl(), FakeRegistrationPlatform.TOKEN);
        platform.registrationStatus = 422;
        platform.registrationBody = "{\"errors\":[{\"field\":\"messages\",\"message\":\"placement foo is not valid\"}]}";
        DynamicRegistrationException e = assertThrows(DynamicRegistrationException.class,
                () -> client.register(canvas, ToolRegistrationRequestTest.tool(), FakeRegistrationPlatform.TOKEN));
        assertEquals(RegistrationFailure.REGISTRATION_REFUSED, e.failure());
        assertTrue(e.detail().contains("HTTP 422"), e.detail());
        assertFalse(e.detail().contains("placement foo"), e.detail());

        platform.registrationStatus = 400;
        platform.registrationContentType = "text/plain";
        platform.registrationBody = "missing_domain <script>alert(1)</script>";
        e = assertThrows(DynamicRegistrationException.class,
                () -> client.register(canvas, ToolRegistrationRequestTest.tool(), FakeRegistrationPlatform.TOKEN));
        assertTrue(e.detail().endsWith("HTTP 400"), e.detail());

        platform.registrationBody = "{\"error\":\"invalid_redirect_uri\",\"error_description\":\"<b>whatever it says</b>\"}";
        e = assertThrows(DynamicRegistrationException.class,
                () -> client.register(canvas, ToolRegistrationRequestTest.tool(), FakeRegistrationPlatform.TOKEN));
        assertTrue(e.detail().endsWith("HTTP 400 (error invalid_redirect_uri)"), e.detail());

        platform.registrationStatus = 500;
        platform.registrationContentType = "text/html";
        platform.registrationBody = "<html><body>Internal error at /srv/secret/path</body></html>";
        e = assertThrows(DynamicRegistrationException.class,
                () -> client.register(canvas, ToolRegistrationRequestTest.tool(), FakeRegistrationPlatform.TOKEN));
        assertFalse(e.detail().contains("secret"), "an HTML error page is not repeated: " + e.detail());
    }

    @Test
    @DisplayName("an answer without client_id is not a registration")
    void answerWithoutClientId() throws Exception {
        platform = new FakeRegistrationPlatform("moodle");
        OpenIdConfiguration configuration = client.fetchConfiguration(platform.configurationUrl(), FakeRegistrationPlatform.TOKEN);
        platform.registrationBody = "{\"client_name\":\"Organizing Workbench\"}";
        assertEquals(RegistrationFailure.REGISTRATION_INVALID, assertThrows(DynamicRegistrationException.class,
                () -> client.register(configuration, ToolRegistrationRequestTest.tool(), FakeRegistrationPlatform.TOKEN)).failure());
        platform.registrationBody = "{\"client_id\":10000000000042}";
        assertEquals("10000000000042",
                client.register(configuration, ToolRegistrationRequestTest.tool(), FakeRegistrationPlatform.TOKEN).clientId());
    }

    @Test
    @DisplayName("a platform nobody answers at is unreachable; a missing or non-http configuration URL is a bad request")
    void unreachableAndInvalidRequests() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DynamicRegistrationException e = assertThrows(DynamicRegistrationException.class,
                () -> client.fetchConfiguration("http://127.0.0.1:" + closedPort + "/openid-configuration?registration_token=abc", "abc"));
        assertEquals(RegistrationFailure.CONFIGURATION_UNREACHABLE, e.failure());
        assertFalse(e.detail().contains("registration_token"), "no query string in details: " + e.detail());
        DynamicRegistrationException shortToken = assertThrows(DynamicRegistrationException.class,
                () -> client.fetchConfiguration("http://127.0.0.1:" + closedPort + "/openid-configuration", "t"));
        assertTrue(shortToken.detail().startsWith("GET http://127.0.0.1:" + closedPort + "/openid-configuration failed"),
                "a one-letter token is not scrubbed out of every word: " + shortToken.detail());
        assertEquals(RegistrationFailure.REQUEST_INVALID, assertThrows(DynamicRegistrationException.class,
                () -> client.fetchConfiguration(null, "abc")).failure());
        assertEquals(RegistrationFailure.REQUEST_INVALID, assertThrows(DynamicRegistrationException.class,
                () -> client.fetchConfiguration("file:///etc/passwd", "abc")).failure());
        assertEquals(RegistrationFailure.REQUEST_INVALID, assertThrows(DynamicRegistrationException.class,
                () -> client.fetchConfiguration("not a url", "abc")).failure());
    }

    @Test
    @DisplayName("only error codes the tool knows are reported; anything else the platform wrote is dropped")
    void onlyKnownErrorCodesAreReported() {
        assertEquals(" (error invalid_client_metadata)", DynamicRegistrationClient
                .platformMessage("{\"error\":\"invalid_client_metadata\",\"error_description\":\"redirect_uris must use https\"}"));
        assertEquals("", DynamicRegistrationClient.platformMessage(""));
        assertEquals("", DynamicRegistrationClient.platformMessage("{\"error\":\"<img src=x onerror=alert(1)>\"}"));
        assertEquals("", DynamicRegistrationClient.platformMessage("x".repeat(5000)));
    }
}
