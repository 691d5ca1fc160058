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
        server.start();
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
