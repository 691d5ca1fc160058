package org.organizingworkbench.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LMS of the cluster drill, on loopback: it signs the id_tokens of the simulated students and instructor,
 * publishes its key set, hands out access tokens and takes scores like Moodle (a score not newer than the last one
 * for that learner is a 409). It can be switched off ({@link #outage}) to play an LMS that is down. It counts every
 * score it accepted per learner and score, so a score stored twice shows.
 */
final class DrillLms implements AutoCloseable {

    static final String CLIENT_ID = "drill-client";
    static final String DEPLOYMENT_ID = "drill-deployment";
    private static final Pattern USER = Pattern.compile("\"userId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SCORE = Pattern.compile("\"scoreGiven\"\\s*:\\s*([0-9.]+)");
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final RSAKey key;
    private final String origin;
    private volatile boolean outage;
    private final Map<String, Instant> latestTimestamp = new ConcurrentHashMap<>();
    /** "learner score" → how many times the LMS accepted it. */
    final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    final AtomicInteger refusedDuringOutage = new AtomicInteger();
    final AtomicInteger recognisedRepeats = new AtomicInteger();

    DrillLms(int port) throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("drill-lms-key").keyUse(KeyUse.SIGNATURE).generate();
        origin = "http://127.0.0.1:" + port;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/jwks", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/token", this::token);
        server.createContext("/lineitems/", this::score);
        server.start();
    }

    String issuer() {
        return origin;
    }

    void outage(boolean down) {
        outage = down;
    }

    /** A resource link launch of {@code user} in {@code course}, as the LMS would post it. */
    String idToken(String user, String course, boolean instructor, String nonce, String targetLinkUri) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(origin).audience(CLIENT_ID).subject(user)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce).claim("name", user)
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", DEPLOYMENT_ID)
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", targetLinkUri)
                .claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(instructor
                        ? "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
                        : "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", course, "title", course,
                        "type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering")))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", course + "-link",
                        "title", "Story of self"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("exercise", "story-of-self"))
                .claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of(
                        "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                                "https://purl.imsglobal.org/spec/lti-ags/scope/score",
                                "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly"),
                        "lineitems", origin + "/lineitems/" + course,
                        "lineitem", origin + "/lineitems/" + course + "/1"))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (outage) {
            refusedDuringOutage.incrementAndGet();
            answer(exchange, 503, "{\"error\":\"down for maintenance\"}");
            return;
        }
        Matcher scope = Pattern.compile("(?:^|&)scope=([^&]*)").matcher(form);
        String scopes = scope.find() ? java.net.URLDecoder.decode(scope.group(1), StandardCharsets.UTF_8) : "";
        answer(exchange, 200, "{\"access_token\":\"drill-token\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"scope\":\"" + scopes + "\"}");
    }

    private void score(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (outage) {
            refusedDuringOutage.incrementAndGet();
            answer(exchange, 503, "{\"error\":\"down for maintenance\"}");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith("/scores")) {
            answer(exchange, 404, "{}");
            return;
        }
        Matcher user = USER.matcher(body);
        Matcher score = SCORE.matcher(body);
        Matcher timestamp = TIMESTAMP.matcher(body);
        if (!user.find() || !score.find() || !timestamp.find()) {
            answer(exchange, 400, "{\"error\":\"userId, scoreGiven and timestamp are required\"}");
            return;
        }
        if (!newest(user.group(1), java.time.OffsetDateTime.parse(timestamp.group(1)).toInstant())) {
            recognisedRepeats.incrementAndGet();
            answer(exchange, 409, "{\"error\":\"a score with this timestamp or a newer one exists\"}");
            return;
        }
        accepted.computeIfAbsent(user.group(1) + " " + Double.valueOf(score.group(1)).intValue(),
                k -> new AtomicInteger()).incrementAndGet();
        answer(exchange, 200, "{}");
    }

    /** Moodle's rule: a learner's score must be newer than the last one it took. */
    private synchronized boolean newest(String user, Instant stamp) {
        Instant last = latestTimestamp.get(user);
        if (last != null && !stamp.isAfter(last)) {
            return false;
        }
        latestTimestamp.put(user, stamp);
        return true;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
