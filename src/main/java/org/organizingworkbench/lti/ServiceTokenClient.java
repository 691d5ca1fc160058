package org.organizingworkbench.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Access tokens for the LTI Advantage services: the OAuth 2 client credentials grant with a JWT client assertion
 * signed by the tool's key (Security Framework 1.0 §4.1, RFC 7523). A token is cached per (token URL, client_id,
 * scope set) until 60 s before it expires, and concurrent callers that need the same token share one request.
 * Every request this client, {@link NamesRoleClient} and {@link AssignmentGradeClient} send carries the
 * configured User-Agent (Canvas refuses API calls without one from January 2026).
 */
public final class ServiceTokenClient {

    static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);
    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
    /** expires_in is only RECOMMENDED (RFC 6749 §5.1); without it, assume a short life rather than a long one. */
    private static final long SECONDS_IF_UNSTATED = 300;

    private record CacheKey(String tokenUrl, String clientId, String scope) {
        static CacheKey of(ServiceRegistration registration) {
            String scope = registration.scopes().stream().sorted().collect(Collectors.joining(" "));
            return new CacheKey(registration.tokenUrl(), registration.clientId(), scope);
        }
    }

    private record AccessToken(String value, Instant refreshAt) {
    }

    private final HttpClient http;
    private final Supplier<RSAKey> toolKey;
    private final String userAgent;
    private final Clock clock;
    private final ConcurrentMap<CacheKey, CompletableFuture<AccessToken>> tokens = new ConcurrentHashMap<>();

    /** @param toolKey the tool's current signing key (private RSA key with a kid); asked again for each assertion */
    public ServiceTokenClient(Supplier<RSAKey> toolKey, String userAgent) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), toolKey, userAgent, Clock.systemUTC());
    }

    public ServiceTokenClient(HttpClient http, Supplier<RSAKey> toolKey, String userAgent, Clock clock) {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("a User-Agent is required: Canvas refuses API requests without one");
        }
        this.http = http;
        this.toolKey = toolKey;
        this.userAgent = userAgent;
        this.clock = clock;
    }

    /** A bearer token for the registration's scopes: the cached one while fresh, else a new one. */
    public String accessToken(ServiceRegistration registration) throws ServiceException {
        CacheKey key = CacheKey.of(registration);
        CompletableFuture<AccessToken> mine = new CompletableFuture<>();
        CompletableFuture<AccessToken> current = tokens.compute(key, (k, cached) -> reusable(cached) ? cached : mine);
        if (current == mine) {
            fetchInto(mine, key);
        }
        return await(current, key.tokenUrl()).value();
    }

    /**
     * Drops a cached token that a service refused (revoked before it expired), so the next call fetches a new one.
     * A token that has already been replaced is left alone.
     */
    public void forget(ServiceRegistration registration, String refusedToken) {
        tokens.computeIfPresent(CacheKey.of(registration),
                (k, cached) -> holds(cached, refusedToken) ? null : cached);
    }

    /** Sends a request with the tool's User-Agent and the request timeout; status 0 when no answer was read. */
    HttpResponse<String> send(HttpRequest.Builder request, String url) throws ServiceException {
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).header("User-Agent", userAgent).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceException(0, url, "I/O error: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(0, url, "interrupted", e);
        }
    }

    /** An in-flight request is always reused: that is what makes concurrent callers share one token request. */
    private boolean reusable(CompletableFuture<AccessToken> cached) {
        if (cached == null || cached.isCompletedExceptionally()) {
            return false;
        }
        return !cached.isDone() || clock.instant().isBefore(cached.join().refreshAt());
    }

    private static boolean holds(CompletableFuture<AccessToken> cached, String token) {
        return cached.isDone() && !cached.isCompletedExceptionally() && cached.join().value().equals(token);
    }

    private void fetchInto(CompletableFuture<AccessToken> pending, CacheKey key) {
        try {
            pending.complete(request(key));
        } catch (ServiceException | RuntimeException | Error e) {
            tokens.remove(key, pending); // a failure is not cached: the next caller asks again
            pending.completeExceptionally(e);
        }
    }

    private static AccessToken await(CompletableFuture<AccessToken> token, String tokenUrl) throws ServiceException {
        try {
            return token.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(0, tokenUrl, "interrupted while waiting for an access token", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ServiceException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("access token request failed", e.getCause());
        }
    }

    private AccessToken request(CacheKey key) throws ServiceException {
        Instant requestedAt = clock.instant();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", CLIENT_ASSERTION_TYPE);
        form.put("client_assertion", assertion(key, requestedAt));
        form.put("scope", key.scope());
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUri(key.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formEncoded(form)));
        return tokenFrom(send(request, key.tokenUrl()), key.tokenUrl(), requestedAt);
    }

    /**
     * Security Framework §4.1: iss = sub = client_id; aud = the token URL exactly as registered (Canvas answers 400
     * "the 'aud' is invalid" when a trailing slash differs); a unique jti so the platform can refuse replays.
     */
    private String assertion(CacheKey key, Instant now) {
        RSAKey signingKey = toolKey.get();
        if (signingKey == null || signingKey.getKeyID() == null) {
            throw new IllegalStateException("the tool's signing key must have a kid: platforms pick the key by kid");
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(key.clientId())
                .subject(key.clientId())
                .audience(key.tokenUrl())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(signingKey.getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("the tool's key cannot sign an assertion: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    private static AccessToken tokenFrom(HttpResponse<String> response, String tokenUrl, Instant requestedAt)
            throws ServiceException {
        int status = response.statusCode();
        Map<String, Object> json = JsonFields.objectOrEmpty(response.body());
        if (status / 100 != 2) {
            throw new ServiceException(status, tokenUrl, "token request refused: " + oauthError(json, response.body()));
        }
        String value = JsonFields.text(json, "access_token");
        if (value == null) {
            throw new ServiceException(status, tokenUrl, "the token answer has no access_token");
        }
        Double expiresIn = JsonFields.number(json, "expires_in");
        long seconds = expiresIn == null ? SECONDS_IF_UNSTATED : expiresIn.longValue();
        return new AccessToken(value, requestedAt.plusSeconds(seconds).minus(REFRESH_MARGIN));
    }

    /** RFC 6749 §5.2: the "error" code, with error_description when the platform sends one. */
    private static String oauthError(Map<String, Object> json, String body) {
        String error = JsonFields.text(json, "error");
        if (error == null) {
            return "no OAuth error field; body: " + JsonFields.excerpt(body);
        }
        String description = JsonFields.text(json, "error_description");
        return "error=" + error + (description == null ? "" : " (" + description + ")");
    }

    private static URI tokenUri(String tokenUrl) throws ServiceException {
        try {
            return URI.create(tokenUrl);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(0, tokenUrl, "the token URL is not a URL: " + e.getMessage(), e);
        }
    }

    private static String formEncoded(Map<String, String> form) {
        List<String> pairs = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList();
        return String.join("&", pairs);
    }
}
