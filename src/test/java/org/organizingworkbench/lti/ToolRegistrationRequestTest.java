package org.organizingworkbench.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registration the tool posts: the fields LTI Dynamic Registration requires, shaped for Canvas and for Moodle. */
class ToolRegistrationRequestTest {

    static ToolRegistrationRequest tool() {
        return tool("http://tool.test", null);
    }

    static ToolRegistrationRequest tool(String base, URI logo) {
        return new ToolRegistrationRequest("Organizing Workbench", "Organizing course tool", URI.create(base + "/lti/login"),
                List.of(URI.create(base + "/lti/launch")), URI.create(base + "/.well-known/jwks.json"), URI.create(base + "/"),
                logo, ToolRegistrationRequest.ADVANTAGE_SCOPES, ToolRegistrationRequest.PERSON_CLAIMS);
    }

    static OpenIdConfiguration canvas() {
        return new OpenIdConfiguration("https://canvas.instructure.com", "https://sso.canvaslms.com/api/lti/authorize_redirect",
                "https://sso.canvaslms.com/login/oauth2/token", "https://sso.canvaslms.com/api/lti/security/jwks",
                "https://canvas.instructure.com/api/lti/registrations", List.of(), "canvas", "vCloud", List.of(), null);
    }

    static OpenIdConfiguration moodle(List<String> scopes, List<OpenIdConfiguration.SupportedMessage> messages) {
        return new OpenIdConfiguration("https://moodle.example.edu", "https://moodle.example.edu/mod/lti/auth.php",
                "https://moodle.example.edu/mod/lti/token.php", "https://moodle.example.edu/mod/lti/certs.php",
                "https://moodle.example.edu/mod/lti/openid-registration.php", scopes, "moodle", "4.3", messages, null);
    }

    static OpenIdConfiguration moodle() {
        return moodle(List.of(), List.of(new OpenIdConfiguration.SupportedMessage("LtiResourceLinkRequest", null),
                new OpenIdConfiguration.SupportedMessage("LtiDeepLinkingRequest", List.of("AddContentMenu"))));
    }

    @Test
    @DisplayName("the registration has every field the specification requires")
    void requiredFields() throws Exception {
        Map<String, Object> body = JSONObjectUtils.parse(tool().toJson(moodle()));
        assertEquals("web", body.get("application_type"));
        assertEquals(List.of("id_token"), body.get("response_types"));
        assertTrue(((List<?>) body.get("grant_types")).containsAll(List.of("implicit", "client_credentials")));
        assertEquals("http://tool.test/lti/login", body.get("initiate_login_uri"));
        assertEquals(List.of("http://tool.test/lti/launch"), body.get("redirect_uris"));
        assertEquals("Organizing Workbench", body.get("client_name"));
        assertEquals("http://tool.test/.well-known/jwks.json", body.get("jwks_uri"));
        assertEquals("private_key_jwt", body.get("token_endpoint_auth_method"));
        assertFalse(body.containsKey("logo_uri"), "no logo unless one is given");
        assertEquals(ToolRegistrationRequest.ADVANTAGE_SCOPES, Arrays.asList(((String) body.get("scope")).split(" ")));

        Map<String, Object> tool = JSONObjectUtils.getJSONObject(body, ToolRegistrationRequest.TOOL_CONFIGURATION);
        assertEquals("tool.test", tool.get("domain"));
        assertEquals("http://tool.test/", tool.get("target_link_uri"));
        assertEquals(ToolRegistrationRequest.PERSON_CLAIMS, tool.get("claims"));
        List<Map<String, Object>> messages = messages(tool);
        assertEquals(List.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest"), messages.stream().map(m -> m.get("type")).toList());
        assertTrue(messages.stream().allMatch(m -> "http://tool.test/".equals(m.get("target_link_uri"))),
                "every message lands on the one target: the tool routes by message type");
    }

    @Test
    @DisplayName("Canvas: privacy level public, course navigation enabled by default, Deep Linking from link and assignment selection")
    void canvasVocabulary() throws Exception {
        Map<String, Object> tool = toolConfiguration(canvas());
        assertEquals("public", tool.get(ToolRegistrationRequest.CANVAS_PRIVACY_LEVEL));
        List<Map<String, Object>> messages = messages(tool);
        assertEquals(List.of("course_navigation"), messages.get(0).get("placements"));
        assertEquals(true, messages.get(0).get(ToolRegistrationRequest.CANVAS_COURSE_NAVIGATION_DEFAULT_ENABLED));
        assertEquals(List.of("link_selection", "assignment_selection"), messages.get(1).get("placements"));
        assertNull(messages.get(1).get(ToolRegistrationRequest.CANVAS_COURSE_NAVIGATION_DEFAULT_ENABLED));
    }

    @Test
    @DisplayName("Canvas: only placements Canvas advertises are asked for (an unknown one gets a 422)")
    void canvasPlacementsAreThoseAdvertised() throws Exception {
        OpenIdConfiguration limited = new OpenIdConfiguration(canvas().issuer(), canvas().authorizationEndpoint(),
                canvas().tokenEndpoint(), canvas().jwksUri(), canvas().registrationEndpoint(), List.of(), "canvas", null,
                List.of(new OpenIdConfiguration.SupportedMessage("LtiResourceLinkRequest", List.of("course_navigation")),
                        new OpenIdConfiguration.SupportedMessage("LtiDeepLinkingRequest", List.of("assignment_selection"))),
                "Test University");
        List<Map<String, Object>> messages = messages(toolConfiguration(limited));
        assertEquals(List.of("assignment_selection"), messages.get(1).get("placements"));
    }

    @Test
    @DisplayName("Moodle: no Canvas vocabulary; Deep Linking where Moodle offers it (AddContentMenu); a resource link needs no placement")
    void moodleShape() throws Exception {
        Map<String, Object> tool = toolConfiguration(moodle());
        assertFalse(tool.containsKey(ToolRegistrationRequest.CANVAS_PRIVACY_LEVEL));
        List<Map<String, Object>> messages = messages(tool);
        assertFalse(messages.get(0).containsKey("placements"));
        assertEquals(List.of("AddContentMenu"), messages.get(1).get("placements"));
        assertFalse(JSONObjectUtils.parse(tool().toJson(moodle())).toString().contains("canvas.instructure.com"));
    }

    @Test
    @DisplayName("only scopes and message types the platform supports are asked for")
    void onlyWhatThePlatformOffers() throws Exception {
        OpenIdConfiguration noDeepLinking = moodle(List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score", "openid"),
                List.of(new OpenIdConfiguration.SupportedMessage("LtiResourceLinkRequest", null)));
        Map<String, Object> body = JSONObjectUtils.parse(tool().toJson(noDeepLinking));
        assertEquals("https://purl.imsglobal.org/spec/lti-ags/scope/score", body.get("scope"));
        assertEquals(List.of("LtiResourceLinkRequest"),
                messages(JSONObjectUtils.getJSONObject(body, ToolRegistrationRequest.TOOL_CONFIGURATION)).stream()
                        .map(m -> m.get("type")).toList());
    }

    @Test
    @DisplayName("the domain keeps a port, as Moodle compares it with target_link_uri's; a logo is sent when given")
    void domainWithPortAndLogo() throws Exception {
        Map<String, Object> body = JSONObjectUtils.parse(tool("http://127.0.0.1:8080", URI.create("http://127.0.0.1:8080/static/logo.svg"))
                .toJson(moodle()));
        assertEquals("127.0.0.1:8080", JSONObjectUtils.getJSONObject(body, ToolRegistrationRequest.TOOL_CONFIGURATION).get("domain"));
        assertEquals("http://127.0.0.1:8080/static/logo.svg", body.get("logo_uri"));
    }

    private static Map<String, Object> toolConfiguration(OpenIdConfiguration platform) throws Exception {
        return JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(tool().toJson(platform)), ToolRegistrationRequest.TOOL_CONFIGURATION);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> messages(Map<String, Object> tool) {
        return (List<Map<String, Object>>) tool.get("messages");
    }
}
