package org.organizingworkbench.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeySealerTest {

    static final String SECRET = "operator-secret-0123456789abcdef";
    static final String PRIVATE_KEY = """
            {"kty":"RSA","kid":"tool-2026-01","d":"c2VjcmV0LXByaXZhdGUtZXhwb25lbnQ","n":"bW9kdWx1cw","e":"AQAB"}""";

    private final KeySealer sealer = new KeySealer(SECRET);

    @Test
    @DisplayName("seal then unseal gives the plaintext back")
    void roundTrip() {
        String sealed = sealer.seal(PRIVATE_KEY);
        assertEquals(PRIVATE_KEY, sealer.unseal(sealed));
    }

    @Test
    @DisplayName("another KeySealer with the same secret can unseal (the key is derived, not random)")
    void sameSecretOtherInstance() {
        String sealed = sealer.seal("ñandú — ключ — 鍵");
        assertEquals("ñandú — ключ — 鍵", new KeySealer(SECRET).unseal(sealed));
    }

    @Test
    @DisplayName("the sealed form is v1.salt.iv.ciphertext and does not contain the plaintext")
    void sealedFormat() {
        String sealed = sealer.seal(PRIVATE_KEY);
        String[] parts = sealed.split("\\.");
        assertEquals(4, parts.length, sealed);
        assertEquals("v1", parts[0]);
        assertEquals(16, Base64.getUrlDecoder().decode(parts[1]).length, "salt");
        assertEquals(12, Base64.getUrlDecoder().decode(parts[2]).length, "GCM iv");
        assertEquals(PRIVATE_KEY.length() + 16, Base64.getUrlDecoder().decode(parts[3]).length, "ciphertext + 128-bit tag");
        assertFalse(sealed.contains("tool-2026-01"));
    }

    @Test
    @DisplayName("a wrong secret fails with IllegalStateException")
    void wrongSecret() {
        String sealed = sealer.seal(PRIVATE_KEY);
        KeySealer other = new KeySealer("another-operator-secret-000000");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> other.unseal(sealed));
        assertTrue(e.getMessage().contains("WORKBENCH_KEY_ENCRYPTION_SECRET"), e.getMessage());
    }

    @Test
    @DisplayName("two seals of the same text differ (fresh salt and iv), yet both unseal")
    void sealsAreRandomised() {
        String first = sealer.seal(PRIVATE_KEY);
        String second = sealer.seal(PRIVATE_KEY);
        assertNotEquals(first, second);
        assertNotEquals(first.split("\\.")[1], second.split("\\.")[1], "salt");
        assertNotEquals(first.split("\\.")[2], second.split("\\.")[2], "iv");
        assertEquals(PRIVATE_KEY, sealer.unseal(second));
    }

    @Test
    @DisplayName("a changed ciphertext is detected (GCM tag)")
    void tamperedCiphertext() {
        String sealed = sealer.seal(PRIVATE_KEY);
        String[] parts = sealed.split("\\.");
        byte[] ciphertext = Base64.getUrlDecoder().decode(parts[3]);
        ciphertext[0] ^= 1;
        String tampered = parts[0] + "." + parts[1] + "." + parts[2] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext);
        assertThrows(IllegalStateException.class, () -> sealer.unseal(tampered));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not sealed at all", "v2.a.b.c", "v1.a.b", "-----BEGIN PRIVATE KEY-----"})
    @DisplayName("a value that is not a sealed key is refused")
    void notSealed(String value) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sealer.unseal(value));
        assertEquals("Not a sealed key", e.getMessage());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "short", "fifteen-chars!!"})
    @DisplayName("a secret shorter than 16 characters is rejected")
    void shortSecret(String secret) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KeySealer(secret));
        assertTrue(e.getMessage().contains("at least 16 characters"), e.getMessage());
    }

    @Test
    @DisplayName("a secret of exactly 16 characters is accepted")
    void sixteenCharacterSecret() {
        assertDoesNotThrow(() -> new KeySealer("sixteen-chars!!!"));
    }
}
