package org.organizingworkbench.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A platform the tests control: it publishes its JWKS over HTTP on loopback, as an LMS does, and signs whatever
 * claims a test gives it. Used to replay real Moodle payloads and to send launches the emulator would not.
 */
final class TestPlatformServer implements AutoCloseable {

    private final HttpServer server;
    private final RSAKey key;

    TestPlatformServer() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("it-platform-key").keyUse(KeyUse.SIGNATURE).generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/token", exchange -> {
            tokenRequests++;
            respond(exchange, 200, "{\"access_token\": \"" + ACCESS_TOKEN + "\", \"token_type\": \"Bearer\", \"expires_in\": 3600}");
        });
        server.createContext("/nrps", exchange -> {
            boolean authorised = ("Bearer " + ACCESS_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            respond(exchange, authorised ? 200 : 401, authorised ? rosterBody : "");
        });
        server.createContext("/lineitems/", this::gradebook);
        server.start();
    }

    // --- Assignment and Grade Services: one line item, scores counted per user ---------------------------------

    private final java.util.Map<String, java.time.OffsetDateTime> latestScore = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Integer> acceptedScores = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger failuresLeft = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger scorePosts = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger refusedAsNotNewer = new java.util.concurrent.atomic.AtomicInteger();

    /** The next {@code posts} score POSTs fail with 500, as an LMS in an outage answers. */
    void failScores(int posts) {
        failuresLeft.set(posts);
    }

    /** How many scores of the user the line item accepted (as the emulator's gradebook counts them). */
    int acceptedFor(String userId) {
        return acceptedScores.getOrDefault(userId, 0);
    }

    int acceptedTotal() {
        return acceptedScores.values().stream().mapToInt(Integer::intValue).sum();
    }

    java.util.Map<String, Integer> accepted() {
        return java.util.Map.copyOf(acceptedScores);
    }

    int scorePosts() {
        return scorePosts.get();
    }

    /** Scores refused because the line item already held one as new (409): a repeat the tool recognised. */
    int refusedAsNotNewer() {
        return refusedAsNotNewer.get();
    }

    private void gradebook(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        if (!("Bearer " + ACCESS_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(exchange.getRequestMethod()) && !path.endsWith("/scores")) {
            respond(exchange, 200, "{\"id\": \"" + url(path) + "\", \"label\": \"Restart test\", \"scoreMaximum\": 100}");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/scores")
                || !"application/vnd.ims.lis.v1.score+json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            respond(exchange, 405, "");
            return;
        }
        scorePosts.incrementAndGet();
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(exchange, 500, "{\"error\": \"outage\"}");
            return;
        }
        try {
            Map<String, Object> score = com.nimbusds.jose.util.JSONObjectUtils.parse(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String userId = (String) score.get("userId");
            java.time.OffsetDateTime timestamp = java.time.OffsetDateTime.parse((String) score.get("timestamp"));
            synchronized (latestScore) {
                java.time.OffsetDateTime previous = latestScore.get(userId);
                if (previous != null && !timestamp.isAfter(previous)) {
                    refusedAsNotNewer.incrementAndGet();
                    respond(exchange, 409, "Refusing score with an earlier timestamp");
                    return;
                }
                latestScore.put(userId, timestamp);
                acceptedScores.merge(userId, 1, Integer::sum);
            }
            respond(exchange, 200, "");
        } catch (java.text.ParseException | RuntimeException e) {
            respond(exchange, 400, "unreadable score: " + e.getMessage());
        }
    }

    static final String ACCESS_TOKEN = "it-platform-access-token";
    private volatile String rosterBody = "{\"members\": []}";
    volatile int tokenRequests;

    /** What the platform's Names and Role Provisioning endpoint answers. */
    void roster(String json) {
        rosterBody = json;
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    String sign(Map<String, Object> claims) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), new Payload(claims));
            jws.sign(new RSASSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
