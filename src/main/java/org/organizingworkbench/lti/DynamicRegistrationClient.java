package org.organizingworkbench.lti;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tool's half of LTI Dynamic Registration 1.0 over HTTP: fetch the platform's OpenID configuration (with the
 * registration token as Bearer, which Canvas and Moodle require), check that its issuer belongs to the URL it came
 * from, and post the tool's registration to the platform's registration endpoint. Every request carries an explicit
 * User-Agent (Canvas refuses API calls without one). Each failure names its step ({@link RegistrationFailure});
 * no detail ever contains the registration token, and URLs in details lose their query string, where platforms may
 * put the token too.
 */
public final class DynamicRegistrationClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_BODY_BYTES = 512 * 1024;
    /** The error codes a platform's answer may be reported with: RFC 7591 §3.2.2, RFC 6749 §5.2, RFC 6750 §3.1. */
    private static final java.util.Set<String> KNOWN_ERRORS = java.util.Set.of("invalid_redirect_uri",
            "invalid_client_metadata", "invalid_software_statement", "unapproved_software_statement", "invalid_request",
            "invalid_client", "invalid_grant", "unauthorized_client", "invalid_scope", "invalid_token",
            "insufficient_scope", "access_denied", "server_error", "temporarily_unavailable");
    private static final int MIN_SCRUBBED_TOKEN = 8;

    private final HttpClient http;
    private final String userAgent;

    public DynamicRegistrationClient(String userAgent) {
        // Redirects are not followed: the Bearer token must never travel to a host the platform did not name.
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER)
                .build(), userAgent);
    }

    public DynamicRegistrationClient(HttpClient http, String userAgent) {
        this.http = http;
        this.userAgent = userAgent;
    }

    /**
     * GETs the platform's OpenID configuration.
     *
     * @param openIdConfigurationUrl the {@code openid_configuration} parameter the platform opened the tool with
     * @param registrationToken      the {@code registration_token} parameter, or null when the platform sent none
     */
    public OpenIdConfiguration fetchConfiguration(String openIdConfigurationUrl, String registrationToken)
            throws DynamicRegistrationException {
        String token = blankToNull(registrationToken);
        URI url = configurationUrl(openIdConfigurationUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET()
                .header("Accept", "application/json");
        Answer answer = send(request, token, RegistrationFailure.CONFIGURATION_UNREACHABLE, "GET " + redacted(url));
        if (answer.status() != 200) {
            String why = answer.status() == 401 || answer.status() == 403
                    ? (token == null ? "; no registration token was given" : "; the registration token was not accepted")
                    : "";
            throw failure(RegistrationFailure.CONFIGURATION_REFUSED, "GET " + redacted(url) + " answered HTTP "
                    + answer.status() + why + platformMessage(answer.body()), token);
        }
        OpenIdConfiguration configuration;
        try {
            configuration = OpenIdConfiguration.parse(answer.body());
        } catch (DynamicRegistrationException e) {
            throw failure(e.failure(), redacted(url) + ": " + e.detail(), token);
        }
        URI issuer = URI.create(configuration.issuer());
        if (!sameOrigin(issuer, url)) {
            throw failure(RegistrationFailure.ISSUER_MISMATCH, "the configuration's issuer is not on " + origin(url)
                    + ", where the configuration was fetched", token);
        }
        return configuration;
    }

    /** POSTs the tool's registration to the platform's registration endpoint and reads the client_id it issued. */
    public ClientRegistration register(OpenIdConfiguration platform, ToolRegistrationRequest tool, String registrationToken)
            throws DynamicRegistrationException {
        String token = blankToNull(registrationToken);
        URI endpoint = URI.create(platform.registrationEndpoint());
        if (!sameOrigin(endpoint, URI.create(platform.issuer()))) {
            // The registration token goes to the platform that issued it, not to a host its configuration names.
            throw failure(RegistrationFailure.REGISTRATION_ENDPOINT_MISMATCH, "registration_endpoint " + redacted(endpoint)
                    + " is not on " + origin(URI.create(platform.issuer())) + ", the issuer's origin", token);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(tool.toJson(platform), StandardCharsets.UTF_8));
        Answer answer = send(request, token, RegistrationFailure.REGISTRATION_UNREACHABLE, "POST " + redacted(endpoint));
        if (answer.status() < 200 || answer.status() > 299) {
            throw failure(RegistrationFailure.REGISTRATION_REFUSED, "POST " + redacted(endpoint) + " answered HTTP "
                    + answer.status() + platformMessage(answer.body()), token);
        }
        Map<String, Object> response;
        try {
            response = JSONObjectUtils.parse(answer.body());
        } catch (ParseException e) {
            throw failure(RegistrationFailure.REGISTRATION_INVALID, "the registration response is not a JSON object", token);
        }
        String clientId = identifier(response.get("client_id"));
        if (clientId == null) {
            throw failure(RegistrationFailure.REGISTRATION_INVALID, "the registration response has no client_id", token);
        }
        String deploymentId = response.get(ToolRegistrationRequest.TOOL_CONFIGURATION) instanceof Map<?, ?> configuration
                ? identifier(configuration.get("deployment_id")) : null;
        List<String> scopes = response.get("scope") instanceof String s
                ? Arrays.stream(s.split("\\s+")).filter(x -> !x.isBlank()).toList() : List.of();
        return new ClientRegistration(clientId, deploymentId, scopes);
    }

    /** Same scheme, host and port (a default port counts as given). */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    /** A URL as it may appear in logs and pages: no user info, no query, no fragment. */
    public static String redacted(URI url) {
        return origin(url) + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    private record Answer(int status, String body) {
    }

    private Answer send(HttpRequest.Builder request, String token, RegistrationFailure unreachable, String what)
            throws DynamicRegistrationException {
        request.header("User-Agent", userAgent);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                return new Answer(response.statusCode(), new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw failure(unreachable, what + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), token);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(unreachable, what + " was interrupted", token);
        }
    }

    private static URI configurationUrl(String value) throws DynamicRegistrationException {
        if (value == null || value.isBlank()) {
            throw new DynamicRegistrationException(RegistrationFailure.REQUEST_INVALID, "openid_configuration is missing");
        }
        if (!OpenIdConfiguration.isHttpUrl(value.trim())) {
            throw new DynamicRegistrationException(RegistrationFailure.REQUEST_INVALID,
                    "openid_configuration is not an http(s) URL");
        }
        return URI.create(value.trim());
    }

    /**
     * What the platform said, without repeating its words (a page or a log must not carry whatever a remote server
     * chose to write): only an OAuth error code of RFC 7591 §3.2.2 or RFC 6750 §3.1, which the tool knows. Empty
     * when the answer holds none.
     */
    static String platformMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            Object error = JSONObjectUtils.parse(body).get("error");
            return error instanceof String code && KNOWN_ERRORS.contains(code) ? " (error " + code + ")" : "";
        } catch (ParseException e) {
            return "";
        }
    }

    /** The detail loses any copy of the token (a platform may echo it); a few characters are no secret to hide. */
    private static DynamicRegistrationException failure(RegistrationFailure failure, String detail, String token) {
        boolean secret = token != null && token.length() >= MIN_SCRUBBED_TOKEN;
        return new DynamicRegistrationException(failure, secret ? detail.replace(token, "[registration token]") : detail);
    }

    private static String identifier(Object value) {
        if (value instanceof String s && !s.isBlank()) {
            return s.trim();
        }
        if (value instanceof Number n) {
            return n instanceof Double || n instanceof Float ? String.valueOf(n.longValue()) : String.valueOf(n);
        }
        return null;
    }

    private static String origin(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme + "://" + (url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT))
                + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
