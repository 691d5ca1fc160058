package org.organizingworkbench.lti;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a platform says about itself in its OpenID configuration (LTI Dynamic Registration 1.0, "Platform OpenID
 * Configuration"): the endpoints a registration needs, the scopes it grants and, under
 * {@code https://purl.imsglobal.org/spec/lti-platform-configuration}, which product it is and which LTI messages
 * (and placements) it can launch.
 *
 * @param scopesSupported   empty when the platform does not say
 * @param productFamilyCode e.g. "moodle", "canvas"; null when not given
 * @param messagesSupported empty when the platform does not say
 * @param accountName       Canvas only: the account the administrator is installing into
 */
public record OpenIdConfiguration(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
                                  String registrationEndpoint, List<String> scopesSupported, String productFamilyCode,
                                  String version, List<SupportedMessage> messagesSupported, String accountName) {

    public static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";
    static final String CANVAS_ACCOUNT_NAME = "https://canvas.instructure.com/lti/account_name";

    /** A message type the platform can launch, and where in its interface ({@code placements}; may be empty). */
    public record SupportedMessage(String type, List<String> placements) {
        public SupportedMessage {
            placements = placements == null ? List.of() : List.copyOf(placements);
        }
    }

    public OpenIdConfiguration {
        scopesSupported = scopesSupported == null ? List.of() : List.copyOf(scopesSupported);
        messagesSupported = messagesSupported == null ? List.of() : List.copyOf(messagesSupported);
    }

    /**
     * Reads a configuration and checks what a registration cannot do without: the issuer and the four endpoints
     * as http(s) URLs, and RS256 when the platform lists its signing algorithms.
     */
    public static OpenIdConfiguration parse(String json) throws DynamicRegistrationException {
        Map<String, Object> root;
        try {
            root = JSONObjectUtils.parse(json == null ? "" : json);
        } catch (ParseException e) {
            throw new DynamicRegistrationException(RegistrationFailure.CONFIGURATION_INVALID,
                    "the configuration is not a JSON object");
        }
        List<String> missing = new ArrayList<>();
        String issuer = url(root, "issuer", missing);
        String authorization = url(root, "authorization_endpoint", missing);
        String token = url(root, "token_endpoint", missing);
        String jwks = url(root, "jwks_uri", missing);
        String registration = url(root, "registration_endpoint", missing);
        if (!missing.isEmpty()) {
            throw new DynamicRegistrationException(RegistrationFailure.CONFIGURATION_INVALID,
                    "missing or not an http(s) URL: " + String.join(", ", missing));
        }
        List<String> algorithms = strings(root.get("id_token_signing_alg_values_supported"));
        if (!algorithms.isEmpty() && !algorithms.contains("RS256")) {
            throw new DynamicRegistrationException(RegistrationFailure.CONFIGURATION_INVALID,
                    "the platform does not list RS256 among its signing algorithms, and the tool accepts RS256 only");
        }
        Map<String, Object> platform = object(root.get(PLATFORM_CONFIGURATION));
        List<SupportedMessage> messages = new ArrayList<>();
        for (Object message : list(platform.get("messages_supported"))) {
            Map<String, Object> m = object(message);
            if (m.get("type") instanceof String type && !type.isBlank()) {
                messages.add(new SupportedMessage(type, strings(m.get("placements"))));
            }
        }
        return new OpenIdConfiguration(issuer, authorization, token, jwks, registration,
                strings(root.get("scopes_supported")), text(platform.get("product_family_code")),
                text(platform.get("version")), messages, text(platform.get(CANVAS_ACCOUNT_NAME)));
    }

    public boolean isCanvas() {
        return "canvas".equalsIgnoreCase(productFamilyCode);
    }

    public boolean isMoodle() {
        return "moodle".equalsIgnoreCase(productFamilyCode);
    }

    /** Whether the platform can launch this message type; a platform that lists none is taken to launch any. */
    public boolean supportsMessage(String type) {
        return messagesSupported.isEmpty() || message(type).isPresent();
    }

    public Optional<SupportedMessage> message(String type) {
        return messagesSupported.stream().filter(m -> m.type().equals(type)).findFirst();
    }

    /** Whether the platform grants this scope; a platform that lists none is taken to grant any. */
    public boolean supportsScope(String scope) {
        return scopesSupported.isEmpty() || scopesSupported.contains(scope);
    }

    private static String url(Map<String, Object> root, String key, List<String> missing) {
        String value = text(root.get(key));
        if (value == null || !isHttpUrl(value)) {
            missing.add(key);
            return null;
        }
        return value;
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.trim() : null;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
