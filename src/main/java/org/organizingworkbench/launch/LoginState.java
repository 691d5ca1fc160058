package org.organizingworkbench.launch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.organizingworkbench.lti.LoginInitiation;

import java.time.LocalDateTime;

/**
 * What a login promised: the state and nonce sent to the platform, and the secret that proves the launch came back
 * to the same browser (kept in a cookie or in LTI Platform Storage). Stored in the database so every node of a
 * cluster sees it; used once; short-lived.
 */
@Entity
@Table(name = "login_state")
public class LoginState {
    @Id
    private String state;
    private String nonce;
    @Column(name = "browser_binding")
    private String browserBinding;
    @Column(name = "platform_id")
    private Long platformId;
    @Column(name = "deployment_id")
    private String deploymentId;
    @Column(name = "target_link_uri")
    private String targetLinkUri;
    @Column(name = "storage_target")
    private String storageTarget;
    @Column(name = "login_hint")
    private String loginHint;
    @Column(name = "message_hint")
    private String messageHint;
    @Column(name = "created_at")
    private LocalDateTime createdAt;
    @Column(name = "expires_at")
    private LocalDateTime expiresAt;
    @Column(name = "consumed_at")
    private LocalDateTime consumedAt;

    protected LoginState() {
    }

    LoginState(String state, String nonce, String browserBinding, long platformId, LoginInitiation login,
               LocalDateTime createdAt, LocalDateTime expiresAt) {
        this.state = state;
        this.nonce = nonce;
        this.browserBinding = browserBinding;
        this.platformId = platformId;
        this.deploymentId = login.deploymentId();
        this.targetLinkUri = login.targetLinkUri();
        this.storageTarget = login.storageTarget();
        this.loginHint = login.loginHint();
        this.messageHint = login.messageHint();
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean isUsable(LocalDateTime now) {
        return consumedAt == null && now.isBefore(expiresAt);
    }

    String state() {
        return state;
    }

    String nonce() {
        return nonce;
    }

    String browserBinding() {
        return browserBinding;
    }

    long platformId() {
        return platformId;
    }

    String deploymentId() {
        return deploymentId;
    }

    String targetLinkUri() {
        return targetLinkUri;
    }

    String storageTarget() {
        return storageTarget;
    }

    String loginHint() {
        return loginHint;
    }

    String messageHint() {
        return messageHint;
    }
}
