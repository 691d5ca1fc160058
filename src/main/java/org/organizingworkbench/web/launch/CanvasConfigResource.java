package org.organizingworkbench.web.launch;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.lti.ToolRegistrationRequest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Canvas developer-key JSON ("LTI 1.3 JSON config"), generated from this installation's base URL, so a Canvas
 * admin can paste its URL. Canvas's format: doc/api/lti_dev_key_config.md.
 */
@Path("lti-config/canvas.json")
public class CanvasConfigResource {

    static final List<String> SCOPES = ToolRegistrationRequest.ADVANTAGE_SCOPES;

    @Inject
    Settings settings;

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public String canvasJson() {
        String base = settings.baseUrl();
        String target = base + "/";
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("title", "Organizing Workbench");
        config.put("description", "Project workbook, peer review and section coaching for the organizing course"
                + " (based on the organizing framework of Marshall Ganz).");
        config.put("oidc_initiation_url", base + "/lti/login");
        config.put("target_link_uri", target);
        config.put("public_jwk_url", base + "/.well-known/jwks.json");
        config.put("scopes", SCOPES);
        config.put("custom_fields", Map.of("canvas_user_id", "$Canvas.user.id"));
        Map<String, Object> settingsBlock = new LinkedHashMap<>();
        settingsBlock.put("text", "Organizing Workbench");
        settingsBlock.put("placements", List.of(
                placement("link_selection", "LtiDeepLinkingRequest", target),
                placement("assignment_selection", "LtiDeepLinkingRequest", target),
                placement("course_navigation", "LtiResourceLinkRequest", target)));
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("platform", "canvas.instructure.com");
        extension.put("domain", URI.create(base).getHost());
        extension.put("privacy_level", "public");
        extension.put("settings", settingsBlock);
        config.put("extensions", List.of(extension));
        return JSONObjectUtils.toJSONString(config);
    }

    private static Map<String, Object> placement(String placement, String messageType, String target) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("placement", placement);
        p.put("message_type", messageType);
        p.put("target_link_uri", target);
        p.put("text", "Organizing Workbench");
        p.put("enabled", true);
        return p;
    }
}
