package org.organizingworkbench.emulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.lti.OpenIdConfiguration;
import org.organizingworkbench.lti.ToolRegistrationRequest;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The platform side of LTI Dynamic Registration, in two flavours that speak like the real ones: Moodle (its
 * {@code openid-configuration.php} and {@code openid-registration.php}: resource link and deep linking only,
 * {@code AddContentMenu}, plain-text errors, a deployment id in the answer) and Canvas (its placements and
 * scopes vocabulary, 422 with an {@code errors} list, no deployment until an admin installs the app). Each flavour is
 * its own issuer, {@code <emulator origin>/emulator/dr/<flavour>}. Registration tokens are issued per start, expire
 * after an hour and are used up by a registration. Everything is in memory; development profile only.
 */
@ApplicationScoped
public class DynamicRegistrationPlatform {

    enum Flavour {
        MOODLE, CANVAS;

        String path() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Flavour> of(String path) {
            for (Flavour f : values()) {
                if (f.path().equals(path)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** A registration the emulated platform accepted. */
    record Registered(Flavour flavour, String clientId, String clientName, Instant at) {
    }

    /** Why a registration is refused, as the platform would say it. */
    record Problem(String field, String message) {
    }

    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    static final String MOODLE_DEPLOYMENT_ID = "1";
    private static final String CANVAS = "https://canvas.instructure.com/lti/";
    private static final List<String> ADVANTAGE_SCOPES = ToolRegistrationRequest.ADVANTAGE_SCOPES;
    private static final List<String> CANVAS_EXTRA_SCOPES = List.of(CANVAS + "public_jwk/scope/update",
            CANVAS + "account_lookup/scope/show", "https://canvas.instructure.com/lti-ags/progress/scope/show");
    private static final List<String> CANVAS_RESOURCE_LINK_PLACEMENTS = List.of("account_navigation", "assignment_edit",
            "assignment_group_menu", "assignment_index_menu", "assignment_menu", "course_assignments_menu",
            "course_home_sub_navigation", "course_navigation", "course_settings_sub_navigation", "discussion_topic_index_menu",
            "discussion_topic_menu", "file_index_menu", "file_menu", "global_navigation", "homework_submission",
            "link_selection", "migration_selection", "module_index_menu", "module_menu", "page_index_menu", "page_menu",
            "quiz_index_menu", "quiz_menu", "student_context_card", "tool_configuration", "user_navigation", "wiki_index_menu",
            "wiki_page_menu");
    private static final List<String> CANVAS_DEEP_LINKING_PLACEMENTS = List.of("assignment_selection", "collaboration",
            "conference_selection", "course_assignments_menu", "editor_button", "homework_submission", "link_selection",
            "migration_selection", "module_index_menu_modal", "module_menu_modal", "submission_type_selection");
    private static final Set<String> PRIVACY_LEVELS = Set.of("public", "name_only", "email_only", "anonymous");

    @Inject
    Settings settings;

    private record Grant(Flavour flavour, Instant expiresAt) {
    }

    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    private final List<Registered> registrations = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();

    String issuer(Flavour flavour) {
        return settings.emulatorOrigin() + "/emulator/dr/" + flavour.path();
    }

    String configurationUrl(Flavour flavour) {
        return issuer(flavour) + "/openid-configuration";
    }

    /** A fresh registration token for one registration with this flavour. */
    String issueToken(Flavour flavour) {
        String token = randomId(32);
        tokens.put(token, new Grant(flavour, Instant.now().plus(TOKEN_LIFETIME)));
        return token;
    }

    /** Whether the Authorization header carries a live token of this flavour (Canvas and Moodle require one). */
    boolean authorized(Flavour flavour, String authorization) {
        return token(authorization).map(tokens::get)
                .filter(g -> g.flavour() == flavour && Instant.now().isBefore(g.expiresAt())).isPresent();
    }

    /** A token is good for one registration. */
    void useUp(String authorization) {
        token(authorization).ifPresent(tokens::remove);
    }

    List<Registered> registrations() {
        return List.copyOf(registrations);
    }

    /** The platform's OpenID configuration, as {@code openid-configuration.php} or Canvas's endpoint answers it. */
    Map<String, Object> openIdConfiguration(Flavour flavour) {
        String origin = settings.emulatorOrigin();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("issuer", issuer(flavour));
        c.put("authorization_endpoint", origin + "/emulator/auth");
        c.put("registration_endpoint", issuer(flavour) + "/register");
        c.put("jwks_uri", origin + "/emulator/jwks");
        c.put("token_endpoint", origin + "/emulator/token");
        c.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        c.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
        c.put("response_types_supported", List.of("id_token"));
        c.put("id_token_signing_alg_values_supported", List.of("RS256"));
        Map<String, Object> platform = new LinkedHashMap<>();
        if (flavour == Flavour.MOODLE) {
            List<String> scopes = new ArrayList<>(ADVANTAGE_SCOPES);
            scopes.add("https://purl.imsglobal.org/spec/lti-ts/scope/toolsetting");
            scopes.add("openid");
            c.put("scopes_supported", scopes);
            c.put("subject_types_supported", List.of("public", "pairwise"));
            c.put("claims_supported", List.of("sub", "iss", "name", "given_name", "family_name", "email"));
            platform.put("product_family_code", "moodle");
            platform.put("version", "4.3 (emulated)");
            platform.put("messages_supported", List.of(Map.of("type", "LtiResourceLinkRequest"),
                    Map.of("type", "LtiDeepLinkingRequest", "placements", List.of("AddContentMenu"))));
            platform.put("variables", List.of("basic-lti-launch-request", "Context.id", "ResourceLink.id", "User.id"));
        } else {
            List<String> scopes = new ArrayList<>(ADVANTAGE_SCOPES);
            scopes.addAll(CANVAS_EXTRA_SCOPES);
            c.put("scopes_supported", scopes);
            c.put("subject_types_supported", List.of("public"));
            c.put("claims_supported", List.of("sub", "picture", "email", "name", "given_name", "family_name", "locale"));
            c.put("authorization_server", URI.create(origin).getHost());
            platform.put("product_family_code", "canvas");
            platform.put("version", "vCloud");
            platform.put("messages_supported", List.of(
                    Map.of("type", "LtiResourceLinkRequest", "placements", CANVAS_RESOURCE_LINK_PLACEMENTS),
                    Map.of("type", "LtiDeepLinkingRequest", "placements", CANVAS_DEEP_LINKING_PLACEMENTS)));
            platform.put("notice_types_supported", List.of("LtiHelloWorldNotice"));
            platform.put("variables", List.of("ResourceLink.id", "Canvas.user.id", "Canvas.course.id", "Context.id"));
            platform.put(CANVAS + "account_name", "Emulated University");
            platform.put(CANVAS + "account_lti_guid", "emulated-university:canvas-lms");
        }
        c.put(OpenIdConfiguration.PLATFORM_CONFIGURATION, platform);
        return c;
    }

    /**
     * Checks a tool's registration as the platform would: the fields the specification requires, the tool's own
     * login, launch and key URLs, scopes, messages and placements the platform offers.
     *
     * @return the first problem, or empty when the registration is acceptable
     */
    Optional<Problem> problem(Flavour flavour, Map<String, Object> registration) {
        String base = settings.baseUrl();
        if (!"web".equals(registration.get("application_type"))) {
            return problem("application_type", "invalid_application_type");
        }
        if (!strings(registration.get("response_types")).contains("id_token")) {
            return problem("response_types", "invalid_response_types");
        }
        if (!strings(registration.get("grant_types")).containsAll(List.of("implicit", "client_credentials"))) {
            return problem("grant_types", "must contain implicit and client_credentials");
        }
        if (!(base + "/lti/login").equals(registration.get("initiate_login_uri"))) {
            return problem("initiate_login_uri", "missing required attribute initiate_login_uri, or not the tool's login URL");
        }
        if (!strings(registration.get("redirect_uris")).contains(base + "/lti/launch")) {
            return problem("redirect_uris", "invalid_redirect_uris: must contain " + base + "/lti/launch");
        }
        if (!(registration.get("client_name") instanceof String name) || name.isBlank()) {
            return problem("client_name", "missing required attribute client_name");
        }
        if (!(base + "/.well-known/jwks.json").equals(registration.get("jwks_uri"))) {
            return problem("jwks_uri", "missing required attribute jwks_uri, or not the tool's JWKS URL");
        }
        if (!"private_key_jwt".equals(registration.get("token_endpoint_auth_method"))) {
            return problem("token_endpoint_auth_method", "invalid_token_endpoint_auth_method");
        }
        Map<String, Object> offered = openIdConfiguration(flavour);
        List<String> supportedScopes = strings(offered.get("scopes_supported"));
        String scope = registration.get("scope") instanceof String s ? s : "";
        for (String requested : scope.split(" ")) {
            if (!requested.isBlank() && (!supportedScopes.contains(requested)
                    || (flavour == Flavour.CANVAS && "openid".equals(requested)))) {
                return problem("scopes", "cannot contain " + requested);
            }
        }
        if (!(registration.get(ToolRegistrationRequest.TOOL_CONFIGURATION) instanceof Map<?, ?> tool)) {
            return problem("lti_tool_configuration", "missing required attribute " + ToolRegistrationRequest.TOOL_CONFIGURATION);
        }
        return toolConfigurationProblem(flavour, tool, offered);
    }

    private Optional<Problem> toolConfigurationProblem(Flavour flavour, Map<?, ?> tool, Map<String, Object> offered) {
        if (!(tool.get("domain") instanceof String domain) || domain.isBlank()) {
            return problem("domain", "missing_domain");
        }
        if (!(tool.get("target_link_uri") instanceof String target) || !target.startsWith(settings.baseUrl())) {
            return problem("target_link_uri", "target_link_uri must be the tool's URL");
        }
        URI targetUri = URI.create(target);
        String targetDomain = targetUri.getPort() < 0 ? targetUri.getHost() : targetUri.getHost() + ":" + targetUri.getPort();
        if (!domain.equals(targetDomain)) {
            return problem("domain", "domain_targetlinkuri_mismatch");
        }
        if (!(tool.get("claims") instanceof List<?>)) {
            return problem("claims", "claims must be a list");
        }
        Map<?, ?> platform = (Map<?, ?>) offered.get(OpenIdConfiguration.PLATFORM_CONFIGURATION);
        List<?> supported = (List<?>) platform.get("messages_supported");
        if (!(tool.get("messages") instanceof List<?> messages) || messages.isEmpty()) {
            return problem("messages", "messages must list the message types the tool handles");
        }
        for (Object m : messages) {
            Map<?, ?> message = m instanceof Map<?, ?> map ? map : Map.of();
            Object type = message.get("type");
            Map<?, ?> offer = supported.stream().map(o -> (Map<?, ?>) o).filter(o -> o.get("type").equals(type))
                    .findFirst().orElse(null);
            if (offer == null) {
                return problem("messages", "message type " + type + " is not supported");
            }
            List<String> placements = strings(offer.get("placements"));
            for (String placement : strings(message.get("placements"))) {
                if (!placements.contains(placement)) {
                    return problem("messages", "placement " + placement + " is not valid for " + type);
                }
            }
        }
        Object privacy = tool.get(ToolRegistrationRequest.CANVAS_PRIVACY_LEVEL);
        if (flavour == Flavour.CANVAS && privacy != null && !PRIVACY_LEVELS.contains(String.valueOf(privacy))) {
            return problem("privacy_level", "privacy_level must be one of " + PRIVACY_LEVELS);
        }
        return Optional.empty();
    }

    /** Accepts a checked registration: the answer the platform returns, with the client_id it issued. */
    @SuppressWarnings("unchecked")
    Map<String, Object> accept(Flavour flavour, Map<String, Object> registration) {
        String clientId = "dr-" + flavour.path() + "-" + randomId(9);
        Map<String, Object> answer = new LinkedHashMap<>(registration);
        answer.put("client_id", clientId);
        Map<String, Object> tool = new LinkedHashMap<>((Map<String, Object>) registration.get(ToolRegistrationRequest.TOOL_CONFIGURATION));
        if (flavour == Flavour.MOODLE) {
            tool.put("deployment_id", MOODLE_DEPLOYMENT_ID); // Moodle: the tool type id, deployed at once
        } else {
            tool.put(CANVAS + "registration_config_url", issuer(flavour) + "/registrations/" + clientId);
        }
        answer.put(ToolRegistrationRequest.TOOL_CONFIGURATION, tool);
        registrations.add(new Registered(flavour, clientId, String.valueOf(registration.get("client_name")), Instant.now()));
        return answer;
    }

    private static Optional<String> token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).trim()).filter(t -> !t.isEmpty());
    }

    private static Optional<Problem> problem(String field, String message) {
        return Optional.of(new Problem(field, message));
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> l ? l.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
    }

    private String randomId(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
