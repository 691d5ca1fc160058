package org.organizingworkbench.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A platform for the service clients' unit tests: a JDK HttpServer on 127.0.0.1 with an OAuth token endpoint that
 * checks the tool's assertion as Canvas and Moodle do (signature with the tool's public key, iss = sub = client_id,
 * aud = the URL the request was sent to, unused jti), and routes each test adds. Every request is recorded.
 */
final class FakePlatform implements AutoCloseable {

    static final String CLIENT_ID = "tool-client-1";
    static final String USER_AGENT = "OrganizingWorkbench/1.0 (unit tests)";
    static final RSAKey TOOL_KEY = generate("tool-key-1");

    record Request(String method, URI uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue())).findFirst().orElse(null);
        }

        String query() {
            return uri.getRawQuery();
        }
    }

    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body);
        }
    }

    @FunctionalInterface
    interface Route {
        Reply answer(Request request) throws Exception;
    }

    static {
        // Without TCP_NODELAY each exchange waits ~40 ms on delayed ACKs; the 1000-page test would take a minute.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<SignedJWT> assertions = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> tokenForms = new CopyOnWriteArrayList<>();
    final AtomicInteger tokenRequests = new AtomicInteger();
    final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    final Map<String, RSAKey> trustedToolKeys = new ConcurrentHashMap<>(Map.of(TOOL_KEY.getKeyID(), TOOL_KEY.toPublicJWK()));
    volatile long expiresIn = 3600;
    volatile long tokenDelayMillis;
    volatile Reply tokenFailure;

    private final Set<String> usedJtis = ConcurrentHashMap.newKeySet();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);

    FakePlatform() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        route("/token", this::token);
        server.start();
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    String tokenUrl() {
        return url("/token");
    }

    ServiceRegistration registration() {
        return new ServiceRegistration(tokenUrl(), CLIENT_ID, ServiceScope.ALL);
    }

    /** A token client for this platform, with the tool's key, the test User-Agent and the given clock. */
    static ServiceTokenClient tokenClient(Clock clock) {
        return new ServiceTokenClient(HttpClient.newHttpClient(), () -> TOOL_KEY, USER_AGENT, clock);
    }

    static ServiceTokenClient tokenClient() {
        return tokenClient(Clock.systemUTC());
    }

    void route(String path, Route route) {
        server.createContext(path, exchange -> handle(exchange, route));
    }

    /** A route that answers 401 unless the request carries a token this platform issued. */
    void authorizedRoute(String path, Route route) {
        route(path, request -> bearerValid(request) ? route.answer(request) : Reply.json(401, "{\"error\":\"unauthorized\"}"));
    }

    boolean bearerValid(Request request) {
        String authorization = request.header("Authorization");
        return authorization != null && authorization.startsWith("Bearer ")
                && issuedTokens.contains(authorization.substring("Bearer ".length()));
    }

    List<Request> requestsTo(String path) {
        return requests.stream().filter(r -> r.uri().getPath().equals(path)).toList();
    }

    /** A header value as PHP sends a UTF-8 string: its bytes, which the JDK client reads as ISO-8859-1. */
    static String utf8Bytes(String value) {
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static String resource(String path) throws IOException {
        try (InputStream in = FakePlatform.class.getResourceAsStream(path)) {
            assertNotNull(in, "on the test classpath: " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private Reply token(Request request) throws Exception {
        if (tokenDelayMillis > 0) {
            Thread.sleep(tokenDelayMillis);
        }
        tokenRequests.incrementAndGet();
        Map<String, String> form = formOf(request.body());
        tokenForms.add(form);
        if (tokenFailure != null) {
            return tokenFailure;
        }
        String problem = assertionProblem(form.get("client_assertion"), url(request.uri().getRawPath()));
        if (problem != null) {
            return Reply.json(400, "{\"error\":\"" + problem + "\"}");
        }
        String token = "token-" + tokenRequests.get() + "-" + System.nanoTime();
        issuedTokens.add(token);
        return Reply.json(200, JSONObjectUtils.toJSONString(Map.of("access_token", token, "token_type", "Bearer",
                "expires_in", expiresIn, "scope", form.getOrDefault("scope", ""))));
    }

    private String assertionProblem(String assertion, String requestedUrl) throws ParseException, JOSEException {
        if (assertion == null) {
            return "invalid_request";
        }
        SignedJWT jwt = SignedJWT.parse(assertion);
        assertions.add(jwt);
        RSAKey key = trustedToolKeys.get(String.valueOf(jwt.getHeader().getKeyID()));
        if (key == null || !jwt.verify(new RSASSAVerifier(key))) {
            return "invalid_client";
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        boolean good = CLIENT_ID.equals(claims.getIssuer()) && CLIENT_ID.equals(claims.getSubject())
                && List.of(requestedUrl).equals(claims.getAudience()) && claims.getJWTID() != null
                && usedJtis.add(claims.getJWTID());
        return good ? null : "invalid_grant";
    }

    private void handle(HttpExchange exchange, Route route) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(request);
            Reply reply;
            try {
                reply = route.answer(request);
            } catch (Exception e) {
                reply = Reply.json(500, "{\"error\":\"" + e + "\"}");
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, String> formOf(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static RSAKey newToolKey(String kid) {
        return generate(kid);
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advanceSeconds(long seconds) {
            now.updateAndGet(t -> t.plusSeconds(seconds));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
