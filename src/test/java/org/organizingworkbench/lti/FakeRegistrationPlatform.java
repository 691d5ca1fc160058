package org.organizingworkbench.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A platform for Dynamic Registration tests, on the JDK's HttpServer on loopback: it serves an OpenID configuration
 * at {@code /openid-configuration} and takes registrations at {@code /register}, requires the registration token as
 * Bearer on both (as Canvas and Moodle do), and records every request it gets. Tests change what it answers.
 */
public final class FakeRegistrationPlatform implements AutoCloseable {

    /** A request the platform received. */
    public record Received(String method, String path, String query, Headers headers, String body) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    public static final String TOKEN = "registration-token-0123456789";

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** The product: "moodle" or "canvas" (or anything else). */
    public volatile String productFamily;
    /** When set, the configuration names this issuer instead of its own origin. */
    public volatile String issuerOverride;
    /** When set, the configuration names this registration endpoint instead of its own. */
    public volatile String registrationEndpointOverride;
    public volatile int registrationStatus = 200;
    public volatile String registrationContentType = "application/json";
    /** When set, the registration endpoint answers this body instead of the accepted registration. */
    public volatile String registrationBody;
    public volatile String deploymentId;

    public FakeRegistrationPlatform(String productFamily) {
        this.productFamily = productFamily;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String configurationUrl() {
        return origin() + "/openid-configuration";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last(String path) {
        return received.stream().filter(r -> r.path().equals(path)).reduce((a, b) -> b).orElseThrow();
    }

    /** The configuration this platform serves; tests may parse it or change a copy. */
    public Map<String, Object> configuration() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("issuer", issuerOverride != null ? issuerOverride : origin());
        c.put("authorization_endpoint", origin() + "/auth");
        c.put("token_endpoint", origin() + "/token");
        c.put("jwks_uri", origin() + "/jwks");
        c.put("registration_endpoint", registrationEndpointOverride != null ? registrationEndpointOverride
                : origin() + "/register");
        c.put("id_token_signing_alg_values_supported", List.of("RS256"));
        Map<String, Object> platform = new LinkedHashMap<>();
        platform.put("product_family_code", productFamily);
        if ("canvas".equals(productFamily)) {
            c.put("scopes_supported", List.of(
                    "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                    "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
                    "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
                    "https://purl.imsglobal.org/spec/lti-ags/scope/score",
                    "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
                    "https://canvas.instructure.com/lti/public_jwk/scope/update"));
            platform.put("messages_supported", List.of(
                    Map.of("type", "LtiResourceLinkRequest", "placements", List.of("course_navigation", "account_navigation")),
                    Map.of("type", "LtiDeepLinkingRequest", "placements", List.of("link_selection", "assignment_selection",
                            "editor_button"))));
            platform.put("https://canvas.instructure.com/lti/account_name", "Test University");
        } else {
            c.put("scopes_supported", List.of(
                    "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                    "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
                    "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
                    "https://purl.imsglobal.org/spec/lti-ags/scope/score",
                    "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly", "openid"));
            platform.put("messages_supported", List.of(Map.of("type", "LtiResourceLinkRequest"),
                    Map.of("type", "LtiDeepLinkingRequest", "placements", List.of("AddContentMenu"))));
        }
        c.put(OpenIdConfiguration.PLATFORM_CONFIGURATION, platform);
        return c;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), body));
        boolean authorized = ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        if (path.equals("/openid-configuration") && exchange.getRequestMethod().equals("GET")) {
            if (!authorized) {
                answer(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
                return;
            }
            answer(exchange, 200, "application/json", JSONObjectUtils.toJSONString(configuration()));
        } else if (path.equals("/register") && exchange.getRequestMethod().equals("POST")) {
            if (!authorized) {
                answer(exchange, 401, "text/plain", "Unauthorized");
                return;
            }
            answer(exchange, registrationStatus, registrationContentType,
                    registrationBody != null ? registrationBody : accepted(body));
        } else {
            answer(exchange, 404, "text/plain", "not found");
        }
    }

    @SuppressWarnings("unchecked")
    private String accepted(String registration) {
        try {
            Map<String, Object> answer = new LinkedHashMap<>(JSONObjectUtils.parse(registration));
            answer.put("client_id", "client-" + productFamily);
            if (deploymentId != null) {
                Map<String, Object> tool = new LinkedHashMap<>((Map<String, Object>) answer.get(ToolRegistrationRequest.TOOL_CONFIGURATION));
                tool.put("deployment_id", deploymentId);
                answer.put(ToolRegistrationRequest.TOOL_CONFIGURATION, tool);
            }
            return JSONObjectUtils.toJSONString(answer);
        } catch (java.text.ParseException e) {
            return "{}";
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
