package org.organizingworkbench.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * The tool's answer to an LtiDeepLinkingRequest (Deep Linking 2.0 §4.2): the content items chosen, as a JWT the
 * tool signs with its own key and the browser form-posts to {@code deep_link_return_url} in the field {@code JWT}.
 * {@code iss} is the tool's client_id and {@code aud} the platform's issuer (the reverse of an id_token).
 */
public final class DeepLinkingResponse {

    public static final String MESSAGE_TYPE = "LtiDeepLinkingResponse";
    /** The form field the platform reads the response from. */
    public static final String FORM_FIELD = "JWT";
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String clientId;
    private final String platformIssuer;
    private final String deploymentId;
    private final String data;
    private final List<ContentItem> contentItems;
    private final String msg;
    private final String log;

    private DeepLinkingResponse(Builder b) {
        this.clientId = b.clientId;
        this.platformIssuer = b.platformIssuer;
        this.deploymentId = b.deploymentId;
        this.data = b.data;
        this.contentItems = List.copyOf(b.contentItems);
        this.msg = b.msg;
        this.log = b.log;
    }

    /**
     * @param clientId       the tool's client_id at the platform (becomes {@code iss})
     * @param platformIssuer the platform's issuer (becomes {@code aud})
     * @param deploymentId   the deployment_id of the request
     */
    public static Builder builder(String clientId, String platformIssuer, String deploymentId) {
        return new Builder(clientId, platformIssuer, deploymentId);
    }

    /** A response to this verified request: same platform and deployment, and its {@code data} echoed. */
    public static Builder replyingTo(LtiLaunch request) {
        if (request.messageType() != MessageType.DEEP_LINKING) {
            throw new IllegalArgumentException("not a deep linking request: " + request.messageType());
        }
        return builder(request.clientId(), request.issuer(), request.deploymentId())
                .data(request.deepLinkingSettings().map(LtiLaunch.DeepLinkingSettings::data).orElse(null));
    }

    public String clientId() {
        return clientId;
    }

    public String platformIssuer() {
        return platformIssuer;
    }

    public String deploymentId() {
        return deploymentId;
    }

    public String data() {
        return data;
    }

    public List<ContentItem> contentItems() {
        return contentItems;
    }

    /** The claims, issued at {@code now} with a fresh nonce. */
    public JWTClaimsSet claims(Instant now) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .audience(platformIssuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("nonce", nonce())
                .claim(LtiClaim.DEPLOYMENT_ID, deploymentId)
                .claim(LtiClaim.MESSAGE_TYPE, MESSAGE_TYPE)
                .claim(LtiClaim.VERSION, LtiClaim.LTI_VERSION)
                .claim(LtiClaim.DEEP_LINKING_CONTENT_ITEMS, contentItems.stream().map(ContentItem::toJson).toList());
        if (data != null) {
            claims.claim(LtiClaim.DEEP_LINKING_DATA, data);
        }
        if (msg != null) {
            claims.claim(LtiClaim.DEEP_LINKING_MSG, msg);
        }
        if (log != null) {
            claims.claim(LtiClaim.DEEP_LINKING_LOG, log);
        }
        return claims.build();
    }

    /** Signs with RS256 under the key's kid (which the tool's JWKS publishes); returns the compact JWT. */
    public String sign(RSAKey key) {
        return sign(key, Clock.systemUTC());
    }

    public String sign(RSAKey key, Clock clock) {
        Objects.requireNonNull(key.getKeyID(), "the signing key needs a kid the platform can find in the JWKS");
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims(clock.instant()));
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the deep linking response", e);
        }
        return jwt.serialize();
    }

    private static String nonce() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static final class Builder {
        private final String clientId;
        private final String platformIssuer;
        private final String deploymentId;
        private final List<ContentItem> contentItems = new ArrayList<>();
        private String data;
        private String msg;
        private String log;

        private Builder(String clientId, String platformIssuer, String deploymentId) {
            this.clientId = requireText(clientId, "clientId");
            this.platformIssuer = requireText(platformIssuer, "platformIssuer");
            this.deploymentId = requireText(deploymentId, "deploymentId");
        }

        /** The request's {@code data}, echoed unchanged; null when the request had none. */
        public Builder data(String data) {
            this.data = data;
            return this;
        }

        public Builder item(ContentItem item) {
            contentItems.add(Objects.requireNonNull(item));
            return this;
        }

        public Builder items(List<ContentItem> items) {
            items.forEach(this::item);
            return this;
        }

        /** A message the platform may show the user. */
        public Builder msg(String msg) {
            this.msg = msg;
            return this;
        }

        /** A message the platform may log. */
        public Builder log(String log) {
            this.log = log;
            return this;
        }

        public DeepLinkingResponse build() {
            return new DeepLinkingResponse(this);
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " is required");
            }
            return value;
        }
    }
}
