package org.organizingworkbench.lti;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tool's side of an LTI Dynamic Registration: the OpenID client registration a tool posts to the platform's
 * registration endpoint, with the LTI tool configuration ({@code https://purl.imsglobal.org/spec/lti-tool-configuration}).
 * {@link #toJson} shapes it for the platform that will read it: only the message types, placements and scopes the
 * platform advertises, and Canvas's own vocabulary (privacy level, course navigation) when the platform is Canvas.
 *
 * @param logoUri optional
 */
public record ToolRegistrationRequest(String clientName, String description, URI initiateLoginUri, List<URI> redirectUris,
                                      URI jwksUri, URI targetLinkUri, URI logoUri, List<String> scopes,
                                      List<String> claims) {

    public static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
    public static final String CANVAS_PRIVACY_LEVEL = "https://canvas.instructure.com/lti/privacy_level";
    public static final String CANVAS_COURSE_NAVIGATION_DEFAULT_ENABLED =
            "https://canvas.instructure.com/lti/course_navigation/default_enabled";

    /** Assignment and Grade Services 2.0 and Names and Role Provisioning Services 2.0. */
    public static final List<String> ADVANTAGE_SCOPES = ServiceScope.ALL.stream().sorted().toList();

    /** The identity claims a launch should carry (Moodle maps name and email to its privacy settings). */
    public static final List<String> PERSON_CLAIMS = List.of("iss", "sub", "name", "given_name", "family_name", "email", "locale");

    /** Canvas placements: a course navigation link, and the activity picker where Canvas offers Deep Linking. */
    static final List<String> CANVAS_RESOURCE_LINK_PLACEMENTS = List.of("course_navigation");
    static final List<String> CANVAS_DEEP_LINKING_PLACEMENTS = List.of("link_selection", "assignment_selection");

    public ToolRegistrationRequest {
        redirectUris = List.copyOf(redirectUris);
        scopes = List.copyOf(scopes);
        claims = List.copyOf(claims);
    }

    /** The registration as the platform will read it, in JSON. */
    public String toJson(OpenIdConfiguration platform) {
        return JSONObjectUtils.toJSONString(body(platform));
    }

    /** The registration as a JSON object (maps, lists and strings), shaped for this platform. */
    public Map<String, Object> body(OpenIdConfiguration platform) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("application_type", "web");
        body.put("response_types", List.of("id_token"));
        body.put("grant_types", List.of("implicit", "client_credentials"));
        body.put("initiate_login_uri", initiateLoginUri.toString());
        body.put("redirect_uris", redirectUris.stream().map(URI::toString).toList());
        body.put("client_name", clientName);
        body.put("jwks_uri", jwksUri.toString());
        if (logoUri != null) {
            body.put("logo_uri", logoUri.toString());
        }
        body.put("token_endpoint_auth_method", "private_key_jwt");
        body.put("scope", String.join(" ", scopes.stream().filter(platform::supportsScope).toList()));
        body.put(TOOL_CONFIGURATION, toolConfiguration(platform));
        return body;
    }

    private Map<String, Object> toolConfiguration(OpenIdConfiguration platform) {
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("domain", domain());
        tool.put("target_link_uri", targetLinkUri.toString());
        if (description != null && !description.isBlank()) {
            tool.put("description", description);
        }
        tool.put("claims", claims);
        List<Map<String, Object>> messages = new ArrayList<>();
        messages.add(message(MessageType.RESOURCE_LINK, platform));
        if (platform.supportsMessage(MessageType.DEEP_LINKING.claimValue())) {
            messages.add(message(MessageType.DEEP_LINKING, platform));
        }
        tool.put("messages", messages);
        if (platform.isCanvas()) {
            tool.put(CANVAS_PRIVACY_LEVEL, "public"); // names and email; Canvas's default is anonymous
        }
        return tool;
    }

    private Map<String, Object> message(MessageType type, OpenIdConfiguration platform) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type.claimValue());
        message.put("target_link_uri", targetLinkUri.toString()); // every message lands on the same URI: routed by type
        message.put("label", clientName);
        List<String> placements = placements(type, platform);
        if (!placements.isEmpty()) {
            message.put("placements", placements);
        }
        if (platform.isCanvas() && placements.contains("course_navigation")) {
            message.put(CANVAS_COURSE_NAVIGATION_DEFAULT_ENABLED, true);
        }
        return message;
    }

    /**
     * Canvas: our placements, as far as Canvas advertises them (an unknown placement gets a 422). Other platforms:
     * where the platform says it launches deep linking (Moodle: its "add content" menu); a resource link needs none.
     */
    private static List<String> placements(MessageType type, OpenIdConfiguration platform) {
        List<String> advertised = platform.message(type.claimValue())
                .map(OpenIdConfiguration.SupportedMessage::placements).orElse(List.of());
        if (platform.isCanvas()) {
            List<String> ours = type == MessageType.DEEP_LINKING ? CANVAS_DEEP_LINKING_PLACEMENTS : CANVAS_RESOURCE_LINK_PLACEMENTS;
            return advertised.isEmpty() ? ours : ours.stream().filter(advertised::contains).toList();
        }
        return type == MessageType.DEEP_LINKING ? advertised : List.of();
    }

    /** Host, and port when the URL names one: Moodle compares it with the host of target_link_uri, port included. */
    String domain() {
        return targetLinkUri.getPort() < 0 ? targetLinkUri.getHost() : targetLinkUri.getHost() + ":" + targetLinkUri.getPort();
    }
}
