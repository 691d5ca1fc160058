package org.organizingworkbench.emulator;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.lti.ContentItem;
import org.organizingworkbench.lti.DeepLinkingResponse;
import org.organizingworkbench.lti.LtiClaim;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator's platform-side checks of a Deep Linking response, one failing check at a time. */
class DeepLinkReturnsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T19:30:00Z");
    private static final String ISSUER = "http://localhost:8080/emulator";
    private static RSAKey toolKey;
    private static JWKSet published;

    @BeforeAll
    static void keys() throws Exception {
        toolKey = new RSAKeyGenerator(2048).keyID("tool-1").generate();
        published = new JWKSet(toolKey.toPublicJWK());
    }

    private static DeepLinkingResponse.Builder response() {
        return DeepLinkingResponse.builder(DevPlatform.CLIENT_ID, ISSUER, DevPlatform.DEPLOYMENT_ID).data("d-1")
                .item(ContentItem.ltiResourceLink("One-to-one log", null, "http://tool/", Map.of("exercise", "x"),
                        new ContentItem.LineItem("One-to-one log", 20, "x", "workbench")));
    }

    private static DeepLinkReturns.Outcome check(String jwt) {
        return DeepLinkReturns.check(jwt, published, DevPlatform.CLIENT_ID, ISSUER, DevPlatform.DEPLOYMENT_ID,
                Set.of("d-1")::contains, NOW);
    }

    private static String signed(Map<String, Object> overrides, Set<String> removed) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(response().build().claims(NOW));
        overrides.forEach(claims::claim);
        removed.forEach(c -> claims.claim(c, null));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID("tool-1").build(), claims.build());
        jwt.sign(new RSASSASigner(toolKey));
        return jwt.serialize();
    }

    @Test
    void theToolsResponsePassesAndListsItsLinks() {
        DeepLinkReturns.Outcome outcome = check(response().build().sign(toolKey, Clock.fixed(NOW, ZoneOffset.UTC)));
        assertTrue(outcome.ok(), outcome.detail());
        assertEquals(1, outcome.links().size());
        assertEquals(20.0, outcome.links().get(0).lineItem().scoreMaximum());
    }

    @Test
    void eachBrokenRuleNamesItsCheck() throws Exception {
        assertEquals("JWT", check("nope").failedCheck());
        assertEquals("signature", check(response().build().sign(new RSAKeyGenerator(2048).keyID("tool-1").generate(),
                Clock.fixed(NOW, ZoneOffset.UTC))).failedCheck());
        assertEquals("signature", check(response().build().sign(new RSAKeyGenerator(2048).keyID("other").generate(),
                Clock.fixed(NOW, ZoneOffset.UTC))).failedCheck());
        assertEquals("iss", check(signed(Map.of("iss", "someone"), Set.of())).failedCheck());
        assertEquals("aud", check(signed(Map.of("aud", "https://elsewhere"), Set.of())).failedCheck());
        assertEquals("timestamps", check(signed(Map.of("exp", NOW.minusSeconds(3600).getEpochSecond()), Set.of())).failedCheck());
        assertEquals("timestamps", check(signed(Map.of("iat", NOW.plusSeconds(3600).getEpochSecond()), Set.of())).failedCheck());
        assertEquals("timestamps", check(signed(Map.of(), Set.of("iat"))).failedCheck());
        assertEquals("nonce", check(signed(Map.of(), Set.of("nonce"))).failedCheck());
        assertEquals("deployment_id", check(signed(Map.of(LtiClaim.DEPLOYMENT_ID, "other"), Set.of())).failedCheck());
        assertEquals("message_type", check(signed(Map.of(LtiClaim.MESSAGE_TYPE, "LtiResourceLinkRequest"), Set.of())).failedCheck());
        assertEquals("version", check(signed(Map.of(), Set.of(LtiClaim.VERSION))).failedCheck());
        assertEquals("data", check(signed(Map.of(LtiClaim.DEEP_LINKING_DATA, "forged"), Set.of())).failedCheck());
        assertEquals("data", check(signed(Map.of(), Set.of(LtiClaim.DEEP_LINKING_DATA))).failedCheck());
        assertEquals("content_items", check(signed(Map.of(LtiClaim.DEEP_LINKING_CONTENT_ITEMS,
                java.util.List.of(Map.of("type", "html", "html", "<p>"))), Set.of())).failedCheck());
        assertEquals("content_items", check(signed(Map.of(LtiClaim.DEEP_LINKING_CONTENT_ITEMS,
                java.util.List.of(Map.of("type", "ltiResourceLink", "lineItem", Map.of("scoreMaximum", 0)))), Set.of())).failedCheck());
    }
}
