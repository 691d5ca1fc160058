package org.organizingworkbench.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.course.CourseRole;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real payloads captured from a Moodle 4.3 platform (src/test/resources/fixtures/moodle-4.3). We don't have Moodle's
 * private key, so each id_token's claims are re-signed with the test platform key after moving iat/exp to the fixed
 * clock; everything else is exactly what Moodle sent.
 */
class MoodleFixtureTest {

    static final String MOODLE_ISSUER = "http://127.0.0.1:8081";
    static final String CLIENT_ID = "harness-tool-client";
    static final String DEPLOYMENT = "1";
    static final long MOODLE_TOKEN_LIFETIME = 60; // Moodle 4.3: exp = iat + 60 s

    private final IdTokenVerifier verifier =
            new IdTokenVerifier(TestPlatform.CLOCK, Duration.ofSeconds(60), Duration.ofMinutes(10));

    static Map<String, Object> fixture(String name) throws IOException, ParseException {
        String path = "/fixtures/moodle-4.3/" + name + ".json";
        try (InputStream in = MoodleFixtureTest.class.getResourceAsStream(path)) {
            assertNotNull(in, "fixture on the test classpath: " + path);
            return JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> claimsOf(Map<String, Object> fixture) {
        return new LinkedHashMap<>((Map<String, Object>) fixture.get("claims"));
    }

    /** Moves iat/exp to the fixed clock, keeping Moodle's 60 s lifetime. */
    static Map<String, Object> shiftedToNow(Map<String, Object> claims) {
        long iat = ((Number) claims.get("iat")).longValue();
        long exp = ((Number) claims.get("exp")).longValue();
        assertEquals(MOODLE_TOKEN_LIFETIME, exp - iat, "the fixture's exp - iat, as Moodle 4.3 sends it");
        long newIat = TestPlatform.NOW.minusSeconds(2).getEpochSecond();
        claims.put("iat", newIat);
        claims.put("exp", newIat + MOODLE_TOKEN_LIFETIME);
        return claims;
    }

    LtiLaunch launch(String fixtureName) throws Exception {
        Map<String, Object> claims = shiftedToNow(claimsOf(fixture(fixtureName)));
        ExpectedLaunch expected = new ExpectedLaunch(MOODLE_ISSUER, CLIENT_ID, (String) claims.get("nonce"), DEPLOYMENT,
                (String) claims.get(LtiClaim.TARGET_LINK_URI));
        return verifier.verify(TestPlatform.sign(claims), expected, TestPlatform.KEYS);
    }

    @Test
    @DisplayName("student1: a Moodle learner launch")
    void studentLaunch() throws Exception {
        LtiLaunch launch = launch("launch-student1");

        assertEquals(MessageType.RESOURCE_LINK, launch.messageType());
        assertEquals(MOODLE_ISSUER, launch.issuer());
        assertEquals(DEPLOYMENT, launch.deploymentId());
        assertEquals(Optional.of("5"), launch.subject());
        assertEquals(Optional.of("Sofia Student"), launch.name());
        assertEquals(Optional.of("student1@example.com"), launch.email());
        assertEquals(List.of(LisRole.LEARNER), launch.roles());
        assertEquals(CourseRole.LEARNER, CourseRole.fromLtiRoles(launch.roles()));
        LtiLaunch.Context context = launch.context().orElseThrow();
        assertEquals("2", context.id());
        assertEquals("LTI 1.3 Harness Course", context.title());
        assertEquals("LTI101", context.label());
        assertEquals(Optional.of(new LtiLaunch.ResourceLink("1", "Harness LTI activity")), launch.resourceLink());
        assertEquals(Optional.of("en"), launch.locale());
        assertEquals(Optional.of("moodle"), launch.platformProduct());
        assertEquals("http://127.0.0.1:9001/launch", launch.targetLinkUri());
        assertEquals("yes", launch.custom().get("harness"));
    }

    @Test
    @DisplayName("ta1: a Moodle non-editing teacher launches as Instructor and keeps that role")
    void nonEditingTeacherLaunch() throws Exception {
        LtiLaunch launch = launch("launch-ta1");

        assertEquals(Optional.of("4"), launch.subject());
        assertEquals(Optional.of("Tomas Assistant"), launch.name());
        assertEquals(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"), launch.roles());
        // Documented behaviour (CourseRole javadoc, LTI.md §3.4): the launch says Instructor, so we keep Instructor.
        assertEquals(CourseRole.INSTRUCTOR, CourseRole.fromLtiRoles(launch.roles()));
    }

    @Test
    @DisplayName("ta1: the same person is a short-form 'Learner' in Moodle's NRPS answer")
    @SuppressWarnings("unchecked")
    void nonEditingTeacherInNrps() throws Exception {
        Map<String, Object> nrps = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                fixture("launch-ta1").get("services")).get("nrps")).get("body");
        Map<String, Object> ta = ((List<Map<String, Object>>) nrps.get("members")).stream()
                .filter(m -> "4".equals(m.get("user_id"))).findFirst().orElseThrow();
        List<String> normalised = ((List<String>) ta.get("roles")).stream().map(LisRole::normalize).toList();
        assertEquals(List.of(LisRole.LEARNER), normalised);
        assertEquals(CourseRole.LEARNER, CourseRole.fromLtiRoles(normalised));
    }

    @Test
    @DisplayName("instructor1: a Moodle deep linking request")
    void deepLinkingRequest() throws Exception {
        Map<String, Object> fixtureClaims = claimsOf(fixture("deeplink-request-instructor1"));
        @SuppressWarnings("unchecked")
        String returnUrl = (String) ((Map<String, Object>) fixtureClaims.get(LtiClaim.DEEP_LINKING_SETTINGS))
                .get("deep_link_return_url");

        LtiLaunch launch = launch("deeplink-request-instructor1");

        assertEquals(MessageType.DEEP_LINKING, launch.messageType());
        LtiLaunch.DeepLinkingSettings settings = launch.deepLinkingSettings().orElseThrow();
        assertEquals(returnUrl, settings.returnUrl());
        assertEquals("http://127.0.0.1:8081/mod/lti/contentitem_return.php?course=2&id=1&sesskey=MSGuN6wTRe",
                settings.returnUrl());
        assertTrue(settings.acceptMultiple());
        assertEquals(List.of("ltiResourceLink"), settings.acceptTypes());
        assertNull(settings.data(), "Moodle sends no data to echo");
        assertEquals(Optional.empty(), launch.resourceLink());
        assertEquals(CourseRole.INSTRUCTOR, CourseRole.fromLtiRoles(launch.roles()));
        assertEquals("2", launch.context().orElseThrow().id());
    }

    @Test
    @DisplayName("a Moodle launch replayed after its 60 s lifetime (plus leeway) is rejected")
    void moodleTokenExpires() throws Exception {
        Map<String, Object> claims = claimsOf(fixture("launch-student1"));
        long iat = TestPlatform.NOW.minusSeconds(MOODLE_TOKEN_LIFETIME + 61).getEpochSecond();
        claims.put("iat", iat);
        claims.put("exp", iat + MOODLE_TOKEN_LIFETIME);
        ExpectedLaunch expected = new ExpectedLaunch(MOODLE_ISSUER, CLIENT_ID, (String) claims.get("nonce"), DEPLOYMENT,
                (String) claims.get(LtiClaim.TARGET_LINK_URI));
        LaunchRejectedException e = assertThrows(LaunchRejectedException.class,
                () -> verifier.verify(TestPlatform.sign(claims), expected, TestPlatform.KEYS));
        assertEquals(LaunchRule.EXPIRED, e.rule());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Login initiation and the authentication request
    // ---------------------------------------------------------------------------------------------------------------

    static Map<String, String> loginParameters() throws Exception {
        Map<String, String> parameters = new HashMap<>();
        fixture("login-initiation").forEach((k, v) -> parameters.put(k, (String) v));
        return parameters;
    }

    static final String MESSAGE_HINT = "{\"cmid\":2,\"launchid\":\"ltilaunch1_2123240983\"}";

    @Test
    @DisplayName("Moodle's login initiation is read; the message hint passes through unchanged")
    void moodleLoginInitiation() throws Exception {
        LoginInitiation login = LoginInitiation.from(loginParameters()::get);

        assertEquals(MOODLE_ISSUER, login.issuer());
        assertEquals("6", login.loginHint());
        assertEquals("http://127.0.0.1:9001/launch", login.targetLinkUri());
        assertEquals(CLIENT_ID, login.clientId());
        assertEquals("1", login.deploymentId());
        assertEquals(MESSAGE_HINT, login.messageHint());
        assertNull(login.storageTarget());
        assertFalse(login.offersPlatformStorage());
    }

    static Map<String, String> queryOf(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            assertFalse(query.containsKey(key), "parameter sent once: " + key);
            query.put(key, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    @Test
    @DisplayName("the authentication request for Moodle's login carries every OIDC parameter Moodle's auth.php checks")
    void authenticationRequest() throws Exception {
        LoginInitiation login = LoginInitiation.from(loginParameters()::get);
        URI auth = new AuthenticationRequest(URI.create("http://127.0.0.1:8081/mod/lti/auth.php"), CLIENT_ID,
                URI.create("http://127.0.0.1:9001/lti/launch"), login, "state-abc", "nonce-xyz").toUri();

        assertEquals("http", auth.getScheme());
        assertEquals("127.0.0.1", auth.getHost());
        assertEquals(8081, auth.getPort());
        assertEquals("/mod/lti/auth.php", auth.getPath());
        String raw = auth.getRawQuery();
        assertTrue(raw.contains("scope=openid"), raw);
        assertTrue(raw.contains("response_type=id_token"), raw);
        assertTrue(raw.contains("response_mode=form_post"), raw);
        assertTrue(raw.contains("prompt=none"), raw);
        assertTrue(raw.contains("login_hint=6"), raw);
        assertTrue(raw.contains("lti_message_hint=" + URLEncoder.encode(MESSAGE_HINT, StandardCharsets.UTF_8)), raw);
        assertFalse(raw.contains("{"), "the message hint is url-encoded: " + raw);

        Map<String, String> query = queryOf(auth);
        assertEquals("openid", query.get("scope"));
        assertEquals("id_token", query.get("response_type"));
        assertEquals("form_post", query.get("response_mode"));
        assertEquals("none", query.get("prompt"));
        assertEquals(CLIENT_ID, query.get("client_id"));
        assertEquals("http://127.0.0.1:9001/lti/launch", query.get("redirect_uri"));
        assertEquals("6", query.get("login_hint"));
        assertEquals("state-abc", query.get("state"));
        assertEquals("nonce-xyz", query.get("nonce"));
        assertEquals(MESSAGE_HINT, query.get("lti_message_hint"), "decodes back to exactly what Moodle sent");
        assertEquals(10, query.size());
    }

    @Test
    @DisplayName("an auth URL that already has a query string gets '&', not a second '?'")
    void authUrlWithQuery() throws Exception {
        LoginInitiation login = LoginInitiation.from(loginParameters()::get);
        URI auth = new AuthenticationRequest(URI.create("https://lms.example.edu/auth?tenant=north"), CLIENT_ID,
                URI.create("https://workbench.example.org/lti/launch"), login, "s", "n").toUri();

        String text = auth.toString();
        assertTrue(text.startsWith("https://lms.example.edu/auth?tenant=north&scope=openid&"), text);
        assertEquals(1, text.chars().filter(ch -> ch == '?').count(), text);
        Map<String, String> query = queryOf(auth);
        assertEquals("north", query.get("tenant"));
        assertEquals("openid", query.get("scope"));
    }

    @Test
    @DisplayName("no lti_message_hint at login: none is sent to the platform")
    void noMessageHint() throws Exception {
        Map<String, String> parameters = loginParameters();
        parameters.remove("lti_message_hint");
        LoginInitiation login = LoginInitiation.from(parameters::get);
        URI auth = new AuthenticationRequest(URI.create("http://127.0.0.1:8081/mod/lti/auth.php"), CLIENT_ID,
                URI.create("http://127.0.0.1:9001/lti/launch"), login, "s", "n").toUri();

        assertNull(login.messageHint());
        assertFalse(queryOf(auth).containsKey("lti_message_hint"));
    }

    @Test
    @DisplayName("Canvas-style login with deployment_id instead of lti_deployment_id is accepted")
    void canvasDeploymentId() throws Exception {
        Map<String, String> parameters = Map.of(
                "iss", "https://canvas.instructure.com",
                "login_hint", "canvas-user-hint",
                "target_link_uri", "https://workbench.example.org/lti/launch",
                "client_id", "10000000000042",
                "deployment_id", "8:b82229c6e10bcb87beb1f1b287faee560ddc3109",
                "lti_storage_target", "post_message_forwarding");
        LoginInitiation login = LoginInitiation.from(parameters::get);

        assertEquals("8:b82229c6e10bcb87beb1f1b287faee560ddc3109", login.deploymentId());
        assertEquals("10000000000042", login.clientId());
        assertEquals("post_message_forwarding", login.storageTarget());
        assertTrue(login.offersPlatformStorage());
    }

    @Test
    @DisplayName("lti_deployment_id wins when both deployment parameters are sent")
    void specDeploymentIdWins() throws Exception {
        Map<String, String> parameters = loginParameters();
        parameters.put("deployment_id", "canvas-style");
        assertEquals("1", LoginInitiation.from(parameters::get).deploymentId());
    }

    @Test
    @DisplayName("missing iss -> LOGIN_PARAMETERS")
    void missingIssuer() throws Exception {
        Map<String, String> parameters = loginParameters();
        parameters.remove("iss");
        LaunchRejectedException e = assertThrows(LaunchRejectedException.class,
                () -> LoginInitiation.from(parameters::get));
        assertEquals(LaunchRule.LOGIN_PARAMETERS, e.rule());
        assertEquals("missing: iss", e.detail());
    }

    @Test
    @DisplayName("blank login_hint and missing target_link_uri are both named")
    void missingHintAndTarget() throws Exception {
        Map<String, String> parameters = loginParameters();
        parameters.put("login_hint", "  ");
        parameters.remove("target_link_uri");
        LaunchRejectedException e = assertThrows(LaunchRejectedException.class,
                () -> LoginInitiation.from(parameters::get));
        assertEquals(LaunchRule.LOGIN_PARAMETERS, e.rule());
        assertEquals("missing: login_hint target_link_uri", e.detail());
    }

    @Test
    @DisplayName("a login with only the required parameters has no client_id, deployment or hint")
    void minimalLogin() throws Exception {
        Map<String, String> parameters = Map.of("iss", MOODLE_ISSUER, "login_hint", "6",
                "target_link_uri", "http://127.0.0.1:9001/launch", "client_id", " ");
        LoginInitiation login = LoginInitiation.from(parameters::get);
        assertNull(login.clientId(), "a blank client_id reads as absent");
        assertNull(login.deploymentId());
        assertNull(login.messageHint());
    }
}
