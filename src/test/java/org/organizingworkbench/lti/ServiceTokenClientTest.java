package org.organizingworkbench.lti;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceTokenClientTest {

    private FakePlatform platform;

    @BeforeEach
    void start() throws Exception {
        platform = new FakePlatform();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    @DisplayName("Security Framework 4.1: the assertion verifies with the tool's public key; iss = sub = client_id, aud = the token URL")
    void assertionAsThePlatformReceivesIt() throws Exception {
        String token = FakePlatform.tokenClient().accessToken(platform.registration());

        assertTrue(platform.issuedTokens.contains(token));
        SignedJWT assertion = SignedJWT.parse(platform.tokenForms.get(0).get("client_assertion"));
        assertTrue(assertion.verify(new RSASSAVerifier(FakePlatform.TOOL_KEY.toPublicJWK())));
        assertEquals(JWSAlgorithm.RS256, assertion.getHeader().getAlgorithm());
        assertEquals(FakePlatform.TOOL_KEY.getKeyID(), assertion.getHeader().getKeyID());
        JWTClaimsSet claims = assertion.getJWTClaimsSet();
        assertEquals(FakePlatform.CLIENT_ID, claims.getIssuer());
        assertEquals(FakePlatform.CLIENT_ID, claims.getSubject());
        assertEquals(List.of(platform.tokenUrl()), claims.getAudience());
        assertEquals(300, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
    }

    @Test
    @DisplayName("The form: client_credentials, jwt-bearer assertion type, scopes sorted and space-separated; the User-Agent")
    void tokenRequestForm() throws Exception {
        FakePlatform.tokenClient().accessToken(platform.registration());

        Map<String, String> form = platform.tokenForms.get(0);
        assertEquals("client_credentials", form.get("grant_type"));
        assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form.get("client_assertion_type"));
        assertEquals(String.join(" ", ServiceScope.ALL.stream().sorted().toList()), form.get("scope"));
        FakePlatform.Request request = platform.requestsTo("/token").get(0);
        assertEquals("POST", request.method());
        assertEquals(FakePlatform.USER_AGENT, request.header("User-Agent"));
        assertEquals("application/x-www-form-urlencoded", request.header("Content-Type"));
    }

    @Test
    @DisplayName("aud is the token URL exactly as registered: a trailing slash is neither added nor removed (canvas-lms #1925)")
    void audienceKeepsTheRegisteredForm() throws Exception {
        ServiceTokenClient tokens = FakePlatform.tokenClient();
        String withSlash = platform.tokenUrl() + "/";

        tokens.accessToken(platform.registration());
        tokens.accessToken(new ServiceRegistration(withSlash, FakePlatform.CLIENT_ID, ServiceScope.ALL));

        assertEquals(List.of(platform.tokenUrl()), platform.assertions.get(0).getJWTClaimsSet().getAudience());
        assertEquals(List.of(withSlash), platform.assertions.get(1).getJWTClaimsSet().getAudience());
    }

    @Test
    @DisplayName("Each assertion has its own jti")
    void uniqueJti() throws Exception {
        ServiceTokenClient tokens = FakePlatform.tokenClient();

        tokens.accessToken(platform.registration());
        tokens.accessToken(new ServiceRegistration(platform.tokenUrl(), FakePlatform.CLIENT_ID, Set.of(ServiceScope.SCORE)));

        assertEquals(2, platform.tokenRequests.get(), "two scope sets, two tokens");
        assertNotEquals(platform.assertions.get(0).getJWTClaimsSet().getJWTID(),
                platform.assertions.get(1).getJWTClaimsSet().getJWTID());
    }

    @Test
    @DisplayName("A cached token serves later calls; scope order does not matter")
    void cachedPerScopeSet() throws Exception {
        ServiceTokenClient tokens = FakePlatform.tokenClient();
        ServiceRegistration a = new ServiceRegistration(platform.tokenUrl(), FakePlatform.CLIENT_ID,
                Set.of(ServiceScope.SCORE, ServiceScope.LINEITEM));
        ServiceRegistration b = new ServiceRegistration(platform.tokenUrl(), FakePlatform.CLIENT_ID,
                Set.of(ServiceScope.LINEITEM, ServiceScope.SCORE));

        assertEquals(tokens.accessToken(a), tokens.accessToken(b));
        assertEquals(1, platform.tokenRequests.get());
    }

    @Test
    @DisplayName("A token is refreshed 60 s before expires_in runs out")
    void nearExpiryRefresh() throws Exception {
        FakePlatform.MovableClock clock = new FakePlatform.MovableClock(Instant.parse("2026-11-23T19:30:00Z"));
        ServiceTokenClient tokens = FakePlatform.tokenClient(clock);
        String first = tokens.accessToken(platform.registration());

        clock.advanceSeconds(3600 - 61);
        assertEquals(first, tokens.accessToken(platform.registration()), "59 s before the margin: still cached");
        clock.advanceSeconds(2);
        String second = tokens.accessToken(platform.registration());

        assertNotEquals(first, second);
        assertEquals(2, platform.tokenRequests.get());
    }

    @Test
    @DisplayName("Concurrent callers of one token share one request (single flight)")
    void singleFlight() throws Exception {
        platform.tokenDelayMillis = 300;
        ServiceTokenClient tokens = FakePlatform.tokenClient();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(threads.submit(() -> tokens.accessToken(platform.registration())));
            }
            Set<String> seen = new java.util.HashSet<>();
            for (Future<String> call : calls) {
                seen.add(call.get());
            }
            assertEquals(1, seen.size());
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, platform.tokenRequests.get());
    }

    @Test
    @DisplayName("A 401 from the token endpoint: ServiceException with the status and the OAuth error; not cached")
    void refusedTokenRequest() throws Exception {
        platform.tokenFailure = FakePlatform.Reply.json(401,
                "{\"error\":\"invalid_client\",\"error_description\":\"unknown kid\"}");
        ServiceTokenClient tokens = FakePlatform.tokenClient();

        ServiceException e = assertThrows(ServiceException.class, () -> tokens.accessToken(platform.registration()));

        assertEquals(401, e.status());
        assertEquals(platform.tokenUrl(), e.url());
        assertTrue(e.reason().contains("error=invalid_client"), e.reason());
        assertTrue(e.reason().contains("unknown kid"), e.reason());
        assertFalse(e.getMessage().contains(platform.tokenForms.get(0).get("client_assertion")));

        platform.tokenFailure = null;
        tokens.accessToken(platform.registration());
        assertEquals(2, platform.tokenRequests.get(), "the failure was not cached");
    }

    @Test
    @DisplayName("A token endpoint that cannot be reached: status 0")
    void unreachableTokenEndpoint() {
        String closed = platform.tokenUrl();
        platform.close();
        ServiceTokenClient tokens = FakePlatform.tokenClient();

        ServiceException e = assertThrows(ServiceException.class,
                () -> tokens.accessToken(new ServiceRegistration(closed, FakePlatform.CLIENT_ID, ServiceScope.ALL)));

        assertEquals(0, e.status());
    }

    @Test
    @DisplayName("Key rotation: the next assertion is signed with the key the supplier gives now")
    void keyRotation() throws Exception {
        RSAKey next = FakePlatform.newToolKey("tool-key-2");
        platform.trustedToolKeys.put(next.getKeyID(), next.toPublicJWK());
        AtomicReference<RSAKey> current = new AtomicReference<>(FakePlatform.TOOL_KEY);
        FakePlatform.MovableClock clock = new FakePlatform.MovableClock(Instant.now());
        ServiceTokenClient tokens = new ServiceTokenClient(HttpClient.newHttpClient(), current::get,
                FakePlatform.USER_AGENT, clock);

        tokens.accessToken(platform.registration());
        current.set(next);
        clock.advanceSeconds(3600);
        tokens.accessToken(platform.registration());

        assertEquals("tool-key-1", platform.assertions.get(0).getHeader().getKeyID());
        assertEquals("tool-key-2", platform.assertions.get(1).getHeader().getKeyID());
        assertEquals(2, platform.issuedTokens.size());
    }

    @Test
    @DisplayName("forget drops a refused token, but not one that has replaced it")
    void forgetRefusedToken() throws Exception {
        ServiceTokenClient tokens = FakePlatform.tokenClient(Clock.systemUTC());
        String first = tokens.accessToken(platform.registration());

        tokens.forget(platform.registration(), "some-older-token");
        assertEquals(first, tokens.accessToken(platform.registration()));
        tokens.forget(platform.registration(), first);
        assertNotEquals(first, tokens.accessToken(platform.registration()));
    }

    @Test
    @DisplayName("Canvas requires a User-Agent: none is refused at construction")
    void userAgentRequired() {
        assertThrows(IllegalArgumentException.class, () -> new ServiceTokenClient(() -> FakePlatform.TOOL_KEY, " "));
    }
}
