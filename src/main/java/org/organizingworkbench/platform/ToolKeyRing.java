package org.organizingworkbench.platform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tool's keys. On first start it makes a CURRENT and a NEXT RSA signing key and a session MAC key, all
 * stored sealed. The JWKS publishes CURRENT and NEXT; {@link #rotate()} retires CURRENT, promotes NEXT and makes a
 * new NEXT, so a platform that cached our JWKS already knows the key that signs from then on.
 */
@ApplicationScoped
@Transactional
public class ToolKeyRing {

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "workbench.key-encryption-secret")
    Optional<String> keyEncryptionSecret;

    private volatile byte[] sessionKey;
    private volatile RSAKey unsealedSigningKey;

    /** Makes whatever keys are missing. Called once at start-up, after the schema migration ({@link ToolKeysAtStart}). */
    public void ensureKeys() {
        List<ToolKey> signing = keys(ToolKey.Purpose.SIGNING);
        if (signing.stream().noneMatch(k -> k.status() == ToolKey.Status.CURRENT)) {
            em.persist(newSigningKey(ToolKey.Status.CURRENT));
        }
        if (signing.stream().noneMatch(k -> k.status() == ToolKey.Status.NEXT)) {
            em.persist(newSigningKey(ToolKey.Status.NEXT));
        }
        if (keys(ToolKey.Purpose.SESSION).isEmpty()) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            em.persist(new ToolKey("session-" + UUID.randomUUID(), ToolKey.Purpose.SESSION, ToolKey.Status.CURRENT,
                    null, sealer().seal(Base64.getEncoder().encodeToString(secret))));
        }
        em.flush();
    }

    /** The public keys platforms use to verify what the tool signs. */
    public JWKSet publicKeySet() {
        List<JWK> keys = keys(ToolKey.Purpose.SIGNING).stream().map(k -> parse(k.publicJwk())).toList();
        return new JWKSet(keys);
    }

    /** The private key that signs outgoing messages now. */
    public RSAKey currentSigningKey() {
        ToolKey current = keys(ToolKey.Purpose.SIGNING).stream()
                .filter(k -> k.status() == ToolKey.Status.CURRENT).findFirst()
                .orElseThrow(() -> new IllegalStateException("No current signing key: start-up did not complete"));
        RSAKey cached = unsealedSigningKey;
        if (cached == null || !cached.getKeyID().equals(current.kid())) {
            cached = (RSAKey) parse(sealer().unseal(current.sealedSecret())); // PBKDF2 is slow on purpose: keep it
            unsealedSigningKey = cached;
        }
        return cached;
    }

    public byte[] sessionKey() {
        byte[] key = sessionKey;
        if (key == null) {
            ToolKey stored = keys(ToolKey.Purpose.SESSION).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("No session key: start-up did not complete"));
            key = Base64.getDecoder().decode(sealer().unseal(stored.sealedSecret()));
            sessionKey = key;
        }
        return key;
    }

    /** Retires the current signing key, promotes the next one and makes a new next one. Returns the new current kid. */
    public String rotate() {
        List<ToolKey> signing = keys(ToolKey.Purpose.SIGNING);
        signing.stream().filter(k -> k.status() == ToolKey.Status.CURRENT).forEach(ToolKey::retire);
        ToolKey next = signing.stream().filter(k -> k.status() == ToolKey.Status.NEXT).findFirst()
                .orElseGet(() -> {
                    ToolKey made = newSigningKey(ToolKey.Status.NEXT);
                    em.persist(made);
                    return made;
                });
        next.activate();
        em.persist(newSigningKey(ToolKey.Status.NEXT));
        em.flush();
        return next.kid();
    }

    public List<ToolKey> signingKeys() {
        return keys(ToolKey.Purpose.SIGNING);
    }

    private List<ToolKey> keys(ToolKey.Purpose purpose) {
        return em.createNamedQuery("ToolKey.byPurpose", ToolKey.class)
                .setParameter("purpose", purpose).setParameter("retired", ToolKey.Status.RETIRED).getResultList();
    }

    private ToolKey newSigningKey(ToolKey.Status status) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true).generate();
            return new ToolKey(key.getKeyID(), ToolKey.Purpose.SIGNING, status,
                    key.toPublicJWK().toJSONString(), sealer().seal(key.toJSONString()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    private KeySealer sealer() {
        return new KeySealer(keyEncryptionSecret.orElseThrow(() -> new IllegalStateException(
                "WORKBENCH_KEY_ENCRYPTION_SECRET is not set: the tool cannot store its private keys safely")));
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored tool key is corrupt", e);
        }
    }
}
