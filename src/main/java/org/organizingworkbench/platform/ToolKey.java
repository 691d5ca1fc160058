package org.organizingworkbench.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** One of the tool's own keys, its secret part sealed by {@link KeySealer}. */
@Entity
@Table(name = "tool_key")
@NamedQuery(name = "ToolKey.byPurpose",
        query = "SELECT k FROM ToolKey k WHERE k.purpose = :purpose AND k.status <> :retired ORDER BY k.id")
public class ToolKey {

    public enum Purpose {
        /** RSA key pair that signs what the tool sends platforms (deep links, service token assertions). */
        SIGNING,
        /** HMAC key that signs the tool's own short-lived session tokens. */
        SESSION
    }

    public enum Status {
        /** Published in the JWKS ahead of use, so platforms that cache keys know it before it signs anything. */
        NEXT,
        CURRENT,
        RETIRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String kid;
    @Enumerated(EnumType.STRING)
    private Purpose purpose;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "public_jwk")
    private String publicJwk;
    @Column(name = "sealed_secret")
    private String sealedSecret;
    @Column(name = "created_at")
    private LocalDateTime createdAt;
    @Column(name = "activated_at")
    private LocalDateTime activatedAt;

    protected ToolKey() {
    }

    public ToolKey(String kid, Purpose purpose, Status status, String publicJwk, String sealedSecret) {
        this.kid = kid;
        this.purpose = purpose;
        this.status = status;
        this.publicJwk = publicJwk;
        this.sealedSecret = sealedSecret;
        this.createdAt = LocalDateTime.now(ZoneOffset.UTC);
        if (status == Status.CURRENT) {
            this.activatedAt = createdAt;
        }
    }

    void activate() {
        status = Status.CURRENT;
        activatedAt = LocalDateTime.now(ZoneOffset.UTC);
    }

    void retire() {
        status = Status.RETIRED;
    }

    public String kid() {
        return kid;
    }

    public Purpose purpose() {
        return purpose;
    }

    public Status status() {
        return status;
    }

    public String publicJwk() {
        return publicJwk;
    }

    String sealedSecret() {
        return sealedSecret;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
