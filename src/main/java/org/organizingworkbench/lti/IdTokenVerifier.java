package org.organizingworkbench.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies an LTI id_token: every check of 1EdTech Security Framework 1.0 §5.1.3 and the LTI Core message rules.
 * Each failure names the rule it broke ({@link LaunchRule}). It holds no state: the caller supplies what the login
 * stored ({@link ExpectedLaunch}) and the platform's key source, and makes nonce use single (state is consumed once).
 */
public final class IdTokenVerifier {

    private static final int MAX_ID_LENGTH = 255;
    private static final int MAX_URL_LENGTH = 4096;
    /**
     * The longest id_token taken, in characters. Real ones are a few kilobytes (Moodle 4.3: about 3 KB; Canvas with
     * custom fields about 10 KB); parsing and checking a larger one only costs memory and time before it is refused.
     */
    public static final int MAX_TOKEN_LENGTH = 64 * 1024;

    private final Clock clock;
    private final Duration leeway;
    private final Duration maxAge;

    /**
     * @param leeway allowed clock skew for exp and iat (platforms' clocks drift; 30–60 s is usual)
     * @param maxAge how old iat may be; bounded by the login state's lifetime, beyond which no nonce exists anyway
     */
    public IdTokenVerifier(Clock clock, Duration leeway, Duration maxAge) {
        this.clock = clock;
        this.leeway = leeway;
        this.maxAge = maxAge;
    }

    public LtiLaunch verify(String idToken, ExpectedLaunch expected, JWKSource<SecurityContext> platformKeys)
            throws LaunchRejectedException {
        SignedJWT jwt = parse(idToken);
        verifySignature(jwt, platformKeys);
        JWTClaimsSet claims = claimsOf(jwt);
        checkIssuer(claims, expected);
        checkAudience(claims, expected);
        checkTimes(claims);
        checkNonce(claims, expected);
        checkVersion(claims);
        MessageType type = messageType(claims);
        String deploymentId = deploymentId(claims, expected);
        checkRoles(claims);
        checkUser(claims);
        checkMessage(type, claims, expected);
        return new LtiLaunch(type, expected.issuer(), expected.clientId(), deploymentId, claims);
    }

    private static SignedJWT parse(String idToken) throws LaunchRejectedException {
        if (idToken == null || idToken.isBlank()) {
            throw new LaunchRejectedException(LaunchRule.NOT_A_JWT, "no id_token was posted");
        }
        if (idToken.length() > MAX_TOKEN_LENGTH) {
            throw new LaunchRejectedException(LaunchRule.ID_TOKEN_TOO_LARGE,
                    "the id_token has " + idToken.length() + " characters; at most " + MAX_TOKEN_LENGTH + " are taken");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken.trim());
        } catch (ParseException e) {
            throw new LaunchRejectedException(LaunchRule.NOT_A_JWT, "the id_token is not a JWT: " + e.getMessage());
        }
        if (jwt instanceof SignedJWT signed) {
            return signed;
        }
        throw new LaunchRejectedException(LaunchRule.ALGORITHM_NOT_ALLOWED,
                "the id_token is not signed (alg " + jwt.getHeader().getAlgorithm() + ")");
    }

    private static void verifySignature(SignedJWT jwt, JWKSource<SecurityContext> platformKeys)
            throws LaunchRejectedException {
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw new LaunchRejectedException(LaunchRule.ALGORITHM_NOT_ALLOWED, "alg is " + header.getAlgorithm());
        }
        String kid = header.getKeyID();
        if (kid == null || kid.isBlank()) {
            throw new LaunchRejectedException(LaunchRule.KID_MISSING, "the JWT header has no kid");
        }
        RSAKey key = platformKey(kid, platformKeys);
        try {
            if (!jwt.verify(new RSASSAVerifier(key))) {
                throw new LaunchRejectedException(LaunchRule.SIGNATURE_INVALID, "signature does not verify with kid " + kid);
            }
        } catch (JOSEException e) {
            throw new LaunchRejectedException(LaunchRule.SIGNATURE_INVALID, "key " + kid + " cannot verify: " + e.getMessage());
        }
    }

    private static RSAKey platformKey(String kid, JWKSource<SecurityContext> platformKeys) throws LaunchRejectedException {
        JWKMatcher matcher = new JWKMatcher.Builder().keyType(KeyType.RSA).keyID(kid)
                .keyUses(KeyUse.SIGNATURE, null).build();
        List<JWK> keys;
        try {
            // An unknown kid makes the key source refetch the set (rate-limited), so a rotated key is found.
            keys = platformKeys.get(new JWKSelector(matcher), null);
        } catch (KeySourceException e) {
            throw new LaunchRejectedException(LaunchRule.PLATFORM_KEYS_UNAVAILABLE, e.getMessage(), e);
        }
        if (keys.isEmpty()) {
            throw new LaunchRejectedException(LaunchRule.KID_UNKNOWN, "no RSA signing key with kid " + kid);
        }
        return (RSAKey) keys.get(0);
    }

    private static JWTClaimsSet claimsOf(SignedJWT jwt) throws LaunchRejectedException {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new LaunchRejectedException(LaunchRule.NOT_A_JWT, "the claims are not a JSON object");
        }
    }

    private static void checkIssuer(JWTClaimsSet claims, ExpectedLaunch expected) throws LaunchRejectedException {
        if (!expected.issuer().equals(claims.getIssuer())) {
            throw new LaunchRejectedException(LaunchRule.ISSUER_MISMATCH,
                    "iss is '" + claims.getIssuer() + "', registered issuer is '" + expected.issuer() + "'");
        }
    }

    private static void checkAudience(JWTClaimsSet claims, ExpectedLaunch expected) throws LaunchRejectedException {
        List<String> audience = claims.getAudience();
        if (!audience.contains(expected.clientId())) {
            throw new LaunchRejectedException(LaunchRule.AUDIENCE_MISMATCH,
                    "aud " + audience + " does not contain client_id '" + expected.clientId() + "'");
        }
        if (audience.size() > 1) {
            // OIDC Core 3.1.3.7 step 3: reject audiences the tool does not trust; we trust only our client_id.
            throw new LaunchRejectedException(LaunchRule.AUDIENCE_MISMATCH, "aud " + audience + " has untrusted audiences");
        }
        Object azp = claims.getClaim("azp");
        if (azp != null && !expected.clientId().equals(azp)) {
            throw new LaunchRejectedException(LaunchRule.AUTHORIZED_PARTY_MISMATCH,
                    "azp is '" + azp + "', not client_id '" + expected.clientId() + "'");
        }
    }

    private void checkTimes(JWTClaimsSet claims) throws LaunchRejectedException {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new LaunchRejectedException(LaunchRule.EXPIRED, "exp is missing");
        }
        if (now.isAfter(exp.toInstant().plus(leeway))) {
            throw new LaunchRejectedException(LaunchRule.EXPIRED, "exp " + exp.toInstant() + " is past (now " + now + ")");
        }
        Date iat = claims.getIssueTime();
        if (iat == null) {
            throw new LaunchRejectedException(LaunchRule.ISSUED_AT_OUT_OF_RANGE, "iat is missing");
        }
        if (iat.toInstant().isAfter(now.plus(leeway))) {
            throw new LaunchRejectedException(LaunchRule.ISSUED_AT_OUT_OF_RANGE,
                    "iat " + iat.toInstant() + " is in the future (now " + now + "); check the platform's clock");
        }
        if (iat.toInstant().isBefore(now.minus(maxAge).minus(leeway))) {
            throw new LaunchRejectedException(LaunchRule.ISSUED_AT_OUT_OF_RANGE, "iat " + iat.toInstant() + " is too old");
        }
    }

    private static void checkNonce(JWTClaimsSet claims, ExpectedLaunch expected) throws LaunchRejectedException {
        Object nonce = claims.getClaim("nonce");
        if (nonce == null) {
            throw new LaunchRejectedException(LaunchRule.NONCE_MISMATCH, "nonce is missing");
        }
        if (!constantTimeEquals(String.valueOf(nonce), expected.nonce())) {
            throw new LaunchRejectedException(LaunchRule.NONCE_MISMATCH, "nonce differs from the one sent at login");
        }
    }

    private static void checkVersion(JWTClaimsSet claims) throws LaunchRejectedException {
        Object version = claims.getClaim(LtiClaim.VERSION);
        if (!LtiClaim.LTI_VERSION.equals(version)) {
            throw new LaunchRejectedException(LaunchRule.VERSION_UNSUPPORTED,
                    version == null ? "the version claim is missing" : "version is '" + version + "'");
        }
    }

    private static MessageType messageType(JWTClaimsSet claims) throws LaunchRejectedException {
        Object type = claims.getClaim(LtiClaim.MESSAGE_TYPE);
        if (type == null) {
            throw new LaunchRejectedException(LaunchRule.MESSAGE_TYPE_UNKNOWN, "message_type is missing");
        }
        return MessageType.fromClaim(String.valueOf(type)).orElseThrow(() ->
                new LaunchRejectedException(LaunchRule.MESSAGE_TYPE_UNKNOWN, "message_type '" + type + "' is not handled"));
    }

    private static String deploymentId(JWTClaimsSet claims, ExpectedLaunch expected) throws LaunchRejectedException {
        Object value = claims.getClaim(LtiClaim.DEPLOYMENT_ID);
        if (!(value instanceof String id) || id.isBlank()) {
            throw new LaunchRejectedException(LaunchRule.DEPLOYMENT_ID_MISSING, "deployment_id is missing");
        }
        if (id.length() > MAX_ID_LENGTH || !StandardCharsets.US_ASCII.newEncoder().canEncode(id)) {
            throw new LaunchRejectedException(LaunchRule.DEPLOYMENT_ID_MISSING, "deployment_id is not up to 255 ASCII characters");
        }
        if (expected.deploymentId() != null && !expected.deploymentId().equals(id)) {
            throw new LaunchRejectedException(LaunchRule.DEPLOYMENT_MISMATCH,
                    "login named deployment '" + expected.deploymentId() + "', launch carries '" + id + "'");
        }
        return id;
    }

    private static void checkRoles(JWTClaimsSet claims) throws LaunchRejectedException {
        if (!(claims.getClaim(LtiClaim.ROLES) instanceof List<?>)) {
            throw new LaunchRejectedException(LaunchRule.ROLES_MISSING, "the roles claim is missing or not a list");
        }
    }

    private static void checkUser(JWTClaimsSet claims) throws LaunchRejectedException {
        String sub = claims.getSubject();
        if (sub != null && !sub.isBlank()) {
            if (sub.length() > MAX_ID_LENGTH) {
                throw new LaunchRejectedException(LaunchRule.USER_MISSING, "sub is longer than 255 characters");
            }
            return;
        }
        // An anonymous launch has no sub and no personal data (LTI Core 5.3.6); personal data without sub is broken.
        for (String personal : List.of("name", "given_name", "family_name", "email")) {
            if (claims.getClaim(personal) != null) {
                throw new LaunchRejectedException(LaunchRule.USER_MISSING, "sub is missing but " + personal + " is present");
            }
        }
    }

    private static void checkMessage(MessageType type, JWTClaimsSet claims, ExpectedLaunch expected)
            throws LaunchRejectedException {
        Object target = claims.getClaim(LtiClaim.TARGET_LINK_URI);
        switch (type) {
            case RESOURCE_LINK, SUBMISSION_REVIEW -> {
                requireResourceLink(claims);
                requireTarget(target, expected);
            }
            case DEEP_LINKING -> {
                if (!(claims.getClaim(LtiClaim.DEEP_LINKING_SETTINGS) instanceof Map<?, ?> settings)
                        || settings.get("deep_link_return_url") == null) {
                    throw new LaunchRejectedException(LaunchRule.DEEP_LINKING_SETTINGS_MISSING,
                            "deep_linking_settings.deep_link_return_url is missing");
                }
                if (!isHttpUrl(settings.get("deep_link_return_url"))) {
                    // The tool posts its answer there from a page of its own: never a javascript: or data: URL.
                    throw new LaunchRejectedException(LaunchRule.DEEP_LINK_RETURN_URL_INVALID,
                            "deep_link_return_url is not an absolute http(s) URL");
                }
                if (target != null) {
                    requireTarget(target, expected);
                }
            }
        }
        if (type == MessageType.SUBMISSION_REVIEW
                && !(claims.getClaim(LtiClaim.FOR_USER) instanceof Map<?, ?> forUser && forUser.get("user_id") != null)) {
            throw new LaunchRejectedException(LaunchRule.FOR_USER_MISSING, "for_user.user_id is missing");
        }
    }

    private static boolean isHttpUrl(Object value) {
        if (!(value instanceof String url) || url.length() > MAX_URL_LENGTH) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(url);
            return uri.getScheme() != null && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void requireResourceLink(JWTClaimsSet claims) throws LaunchRejectedException {
        Object link = claims.getClaim(LtiClaim.RESOURCE_LINK);
        Object id = link instanceof Map<?, ?> m ? m.get("id") : null;
        if (id == null || String.valueOf(id).isBlank() || String.valueOf(id).length() > MAX_ID_LENGTH) {
            throw new LaunchRejectedException(LaunchRule.RESOURCE_LINK_MISSING, "resource_link.id is missing or too long");
        }
    }

    private static void requireTarget(Object target, ExpectedLaunch expected) throws LaunchRejectedException {
        if (!(target instanceof String uri) || uri.isBlank()) {
            throw new LaunchRejectedException(LaunchRule.TARGET_LINK_URI_MISMATCH, "target_link_uri is missing");
        }
        if (expected.targetLinkUri() != null && !expected.targetLinkUri().equals(uri)) {
            throw new LaunchRejectedException(LaunchRule.TARGET_LINK_URI_MISMATCH,
                    "login targeted '" + expected.targetLinkUri() + "', launch targets '" + uri + "'");
        }
    }

    static boolean constantTimeEquals(String a, String b) {
        return a != null && b != null && java.security.MessageDigest.isEqual(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Exposed for callers that compare other secrets the same way. */
    public static boolean sameSecret(String a, String b) {
        return constantTimeEquals(a, b);
    }

}
