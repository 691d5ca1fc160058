package org.organizingworkbench.lti;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Deep Linking response the tool signs: what the certification's "Verify …" and "Affirm response values" read. */
class DeepLinkingResponseTest {

    private static final Instant NOW = Instant.parse("2026-11-23T19:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static RSAKey toolKey;
    private static RSAKey otherKey;

    @BeforeAll
    static void keys() throws Exception {
        toolKey = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyID("tool-kid-1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("tool-kid-1").generate();
    }

    private static ContentItem graded(String id, String title, double points) {
        return ContentItem.ltiResourceLink(title, "An exercise", "https://tool.example/", Map.of("exercise", id),
                new ContentItem.LineItem(title, points, id, "workbench"));
    }

    private static DeepLinkingResponse twoItems(String data) {
        return DeepLinkingResponse.builder("client-1", "https://lms.example", "dep-1").data(data)
                .item(graded("one-to-one-log", "One-to-one log", 20))
                .item(ContentItem.ltiResourceLink("Whom I will meet", null, "https://tool.example/",
                        Map.of("exercise", "recruitment-plan"), null))
                .build();
    }

    @Test
    void claimsAreTheReverseOfAnIdTokenWithAFiveMinuteLife() throws Exception {
        SignedJWT jwt = SignedJWT.parse(twoItems("opaque").sign(toolKey, CLOCK));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("client-1", claims.getIssuer());
        assertEquals(List.of("https://lms.example"), claims.getAudience());
        assertEquals(NOW, claims.getIssueTime().toInstant());
        assertEquals(NOW.plusSeconds(300), claims.getExpirationTime().toInstant());
        assertNotNull(claims.getStringClaim("nonce"));
        assertEquals("dep-1", claims.getStringClaim(LtiClaim.DEPLOYMENT_ID));
        assertEquals("LtiDeepLinkingResponse", claims.getStringClaim(LtiClaim.MESSAGE_TYPE));
        assertEquals("1.3.0", claims.getStringClaim(LtiClaim.VERSION));
        assertNull(claims.getClaim("azp"));
        assertNull(claims.getClaim(LtiClaim.DEEP_LINKING_MSG));
    }

    @Test
    void eachResponseHasAFreshNonce() throws Exception {
        DeepLinkingResponse response = twoItems(null);
        assertNotEquals(SignedJWT.parse(response.sign(toolKey, CLOCK)).getJWTClaimsSet().getStringClaim("nonce"),
                SignedJWT.parse(response.sign(toolKey, CLOCK)).getJWTClaimsSet().getStringClaim("nonce"));
    }

    @Test
    void signedRs256WithTheToolKidAndVerifiableWithThePublicKeyOnly() throws Exception {
        SignedJWT jwt = SignedJWT.parse(twoItems(null).sign(toolKey));
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals("tool-kid-1", jwt.getHeader().getKeyID());
        assertEquals(JOSEObjectType.JWT, jwt.getHeader().getType());
        assertTrue(jwt.verify(new RSASSAVerifier(toolKey.toPublicJWK())));
        assertFalse(jwt.verify(new RSASSAVerifier(otherKey.toPublicJWK())), "another key with the same kid does not verify");
        assertThrows(NullPointerException.class, () -> twoItems(null).sign(new RSAKey.Builder(toolKey).keyID(null).build()));
    }

    @Test
    void dataIsEchoedExactlyAndOnlyWhenTheRequestHadIt() throws Exception {
        String data = "  csrf=abc&x={\"y\":1}  ";
        assertEquals(data, SignedJWT.parse(twoItems(data).sign(toolKey, CLOCK)).getJWTClaimsSet()
                .getStringClaim(LtiClaim.DEEP_LINKING_DATA));
        assertFalse(SignedJWT.parse(twoItems(null).sign(toolKey, CLOCK)).getJWTClaimsSet().getClaims()
                .containsKey(LtiClaim.DEEP_LINKING_DATA));
    }

    @Test
    @SuppressWarnings("unchecked")
    void severalItemsInOrderWithCustomAndLineItem() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(twoItems(null).sign(toolKey, CLOCK)).getJWTClaimsSet();
        List<Object> items = (List<Object>) claims.getClaim(LtiClaim.DEEP_LINKING_CONTENT_ITEMS);
        assertEquals(2, items.size());
        Map<String, Object> first = (Map<String, Object>) items.get(0);
        assertEquals("ltiResourceLink", first.get("type"));
        assertEquals("One-to-one log", first.get("title"));
        assertEquals("https://tool.example/", first.get("url"));
        assertEquals(Map.of("exercise", "one-to-one-log"), first.get("custom"));
        Map<String, Object> lineItem = (Map<String, Object>) first.get("lineItem");
        assertEquals(20.0, ((Number) lineItem.get("scoreMaximum")).doubleValue());
        assertEquals("One-to-one log", lineItem.get("label"));
        assertEquals("one-to-one-log", lineItem.get("resourceId"));
        assertEquals("workbench", lineItem.get("tag"));
        Map<String, Object> second = (Map<String, Object>) items.get(1);
        assertEquals("Whom I will meet", second.get("title"));
        assertFalse(second.containsKey("lineItem"), "an ungraded exercise makes no gradebook column");
        assertFalse(second.containsKey("text"));
    }

    @Test
    void msgAndLogAreOptional() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(DeepLinkingResponse.builder("c", "i", "d").msg("Added 0 activities")
                .log("nothing chosen").build().sign(toolKey, CLOCK)).getJWTClaimsSet();
        assertEquals("Added 0 activities", claims.getStringClaim(LtiClaim.DEEP_LINKING_MSG));
        assertEquals("nothing chosen", claims.getStringClaim(LtiClaim.DEEP_LINKING_LOG));
        assertEquals(List.of(), claims.getClaim(LtiClaim.DEEP_LINKING_CONTENT_ITEMS), "an empty selection is a valid answer");
    }

    @Test
    void requiredValuesAndPositivePointsAreEnforced() {
        assertThrows(IllegalArgumentException.class, () -> DeepLinkingResponse.builder(null, "i", "d"));
        assertThrows(IllegalArgumentException.class, () -> DeepLinkingResponse.builder("c", " ", "d"));
        assertThrows(IllegalArgumentException.class, () -> DeepLinkingResponse.builder("c", "i", ""));
        assertThrows(IllegalArgumentException.class, () -> new ContentItem.LineItem("x", 0, "x", null));
        assertThrows(IllegalArgumentException.class, () -> new ContentItem.LineItem("x", Double.NaN, "x", null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sameClaimShapeAsTheResponseMoodleAccepted() throws Exception {
        Map<String, Object> fixture;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/moodle-4.3/deeplink-request-instructor1.json")) {
            fixture = JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, Object> accepted = (Map<String, Object>) fixture.get("deepLinkResponse");
        JWTClaimsSet ours = SignedJWT.parse(DeepLinkingResponse.builder("harness-tool-client", "http://127.0.0.1:8081", "1")
                .msg("harness deep link response")
                .item(ContentItem.ltiResourceLink("Deep-linked harness item", "Created through deep linking",
                        "http://127.0.0.1:9001/launch", Map.of("item", "dl-1"),
                        new ContentItem.LineItem("Deep-linked harness item", 10, "dl-1", "harness")))
                .build().sign(toolKey, CLOCK)).getJWTClaimsSet();
        Map<String, Object> ourClaims = JSONObjectUtils.parse(ours.toString());
        assertEquals(accepted.keySet(), ourClaims.keySet());
        assertEquals("http://127.0.0.1:8081", ourClaims.get("aud"), "a single audience, as a string");
        assertEquals(((Number) accepted.get("exp")).longValue() - ((Number) accepted.get("iat")).longValue(),
                ((Number) ourClaims.get("exp")).longValue() - ((Number) ourClaims.get("iat")).longValue());
        Map<String, Object> acceptedItem = (Map<String, Object>) ((List<Object>) accepted.get(LtiClaim.DEEP_LINKING_CONTENT_ITEMS)).get(0);
        Map<String, Object> ourItem = (Map<String, Object>) ((List<Object>) ourClaims.get(LtiClaim.DEEP_LINKING_CONTENT_ITEMS)).get(0);
        assertEquals(acceptedItem.keySet(), ourItem.keySet());
        assertEquals(new HashSet<>(((Map<String, Object>) acceptedItem.get("lineItem")).keySet()),
                new HashSet<>(((Map<String, Object>) ourItem.get("lineItem")).keySet()));
        for (String claim : Set.of("iss", "aud", LtiClaim.DEPLOYMENT_ID, LtiClaim.MESSAGE_TYPE, LtiClaim.VERSION,
                LtiClaim.DEEP_LINKING_MSG)) {
            assertEquals(accepted.get(claim), ourClaims.get(claim), claim);
        }
        assertEquals(acceptedItem.get("custom"), ourItem.get("custom"));
    }
    @Test
    @SuppressWarnings("unchecked")
    void forCanvasTheLineItemAsksForAnExternalToolAssignmentBoundToTheLink() throws Exception {
        ContentItem item = ContentItem.ltiResourceLink("One-to-one log", null, "https://tool.example/",
                Map.of("exercise", "one-to-one-log"),
                new ContentItem.LineItem("One-to-one log", 20, "one-to-one-log", "workbench").forCanvas("https://tool.example/"));
        String jwt = DeepLinkingResponse.builder("client-1", "https://canvas.instructure.com", "dep-1").item(item).build()
                .sign(toolKey, CLOCK);
        Map<String, Object> sent = ((List<Map<String, Object>>) SignedJWT.parse(jwt).getJWTClaimsSet()
                .getClaim(LtiClaim.DEEP_LINKING_CONTENT_ITEMS)).get(0);
        Map<String, Object> lineItem = (Map<String, Object>) sent.get("lineItem");
        assertEquals(Map.of("type", "external_tool", "external_tool_url", "https://tool.example/"),
                lineItem.get("https://canvas.instructure.com/lti/submission_type"));
        assertEquals(20.0, ((Number) lineItem.get("scoreMaximum")).doubleValue(), "the standard fields stay");
        assertEquals("one-to-one-log", lineItem.get("resourceId"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void otherPlatformsGetNoCanvasExtension() throws Exception {
        Map<String, Object> first = ((List<Map<String, Object>>) SignedJWT.parse(twoItems(null).sign(toolKey, CLOCK))
                .getJWTClaimsSet().getClaim(LtiClaim.DEEP_LINKING_CONTENT_ITEMS)).get(0);
        assertFalse(((Map<String, Object>) first.get("lineItem")).keySet().stream()
                .anyMatch(key -> key.startsWith("https://canvas.instructure.com/")));
    }
}
