package org.organizingworkbench.platform;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts the tool's private keys at rest with AES-256-GCM under a key derived (PBKDF2-HMAC-SHA256) from the
 * operator's key-encryption secret. A sealed value reads {@code v1.salt.iv.ciphertext}, each part base64url.
 */
public final class KeySealer {

    private static final int ITERATIONS = 210_000; // OWASP 2023 figure for PBKDF2-HMAC-SHA256
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final char[] secret;

    public KeySealer(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException(
                    "WORKBENCH_KEY_ENCRYPTION_SECRET must be set to at least 16 characters (32 random bytes are best)");
        }
        this.secret = secret.toCharArray();
    }

    public String seal(String plaintext) {
        byte[] salt = random(16);
        byte[] iv = random(12);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(salt), new GCMParameterSpec(128, iv));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return "v1." + ENCODER.encodeToString(salt) + "." + ENCODER.encodeToString(iv) + "."
                    + ENCODER.encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a key", e);
        }
    }

    /** @throws IllegalStateException when the secret is not the one the value was sealed with */
    public String unseal(String sealed) {
        String[] parts = sealed.split("\\.");
        if (parts.length != 4 || !"v1".equals(parts[0])) {
            throw new IllegalStateException("Not a sealed key");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(DECODER.decode(parts[1])),
                    new GCMParameterSpec(128, DECODER.decode(parts[2])));
            return new String(cipher.doFinal(DECODER.decode(parts[3])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot decrypt the tool keys: WORKBENCH_KEY_ENCRYPTION_SECRET differs from the one they were made with", e);
        }
    }

    private SecretKeySpec key(byte[] salt) throws GeneralSecurityException {
        SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        byte[] key = factory.generateSecret(new PBEKeySpec(secret, salt, ITERATIONS, 256)).getEncoded();
        return new SecretKeySpec(key, "AES");
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
