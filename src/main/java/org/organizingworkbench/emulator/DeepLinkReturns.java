package org.organizingworkbench.emulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.organizingworkbench.lti.LtiClaim;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks a Deep Linking response the way a platform (and the 1EdTech certification: "Verify timestamps", "Verify
 * JWT signing", "Verify required claims", "Affirm response values") does. Stateless: the caller supplies the
 * tool's key set, who it expects, and whether the echoed data is one it issued.
 */
final class DeepLinkReturns {

    static final Duration LEEWAY = Duration.ofSeconds(60);
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    /**
     * An LTI resource link the response asks the platform to create.
     *
     * @param submissionEnd the content item's {@code submission.endDateTime} (Deep Linking 2.0 §3.4.2), null for none
     */
    record Link(String title, String text, String url, Map<String, Object> custom, LineItemRequest lineItem,
                String submissionEnd) {
    }

    record LineItemRequest(String label, double scoreMaximum, String resourceId, String tag) {
    }

    /** The outcome: the links, or the first check that failed. */
    record Outcome(List<Link> links, String failedCheck, String detail) {
        boolean ok() {
            return failedCheck == null;
        }

        static Outcome failed(String check, String detail) {
            return new Outcome(List.of(), check, detail);
        }
    }

    private DeepLinkReturns() {
    }

    static Outcome check(String jwt, JWKSet toolKeys, String clientId, String issuer, String deploymentId,
                         Predicate<String> dataWasIssued, Instant now) {
        SignedJWT signed;
        JWTClaimsSet claims;
        try {
            signed = SignedJWT.parse(jwt == null ? "" : jwt.trim());
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            return Outcome.failed("JWT", "the JWT field is not a signed JWT");
        }
        // Verify JWT signing
        if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            return Outcome.failed("signature", "alg must be RS256, not " + signed.getHeader().getAlgorithm());
        }
        String kid = signed.getHeader().getKeyID();
        if (kid == null) {
            return Outcome.failed("signature", "no kid in the header");
        }
        JWK key = toolKeys.getKeyByKeyId(kid);
        if (!(key instanceof RSAKey rsa)) {
            return Outcome.failed("signature", "kid " + kid + " is not in the tool's JWKS");
        }
        try {
            if (!signed.verify(new RSASSAVerifier(rsa))) {
                return Outcome.failed("signature", "the signature does not verify with the tool's key " + kid);
            }
        } catch (JOSEException e) {
            return Outcome.failed("signature", e.getMessage());
        }
        // Verify required claims
        if (!clientId.equals(claims.getIssuer())) {
            return Outcome.failed("iss", "iss must be the tool's client_id " + clientId + ", not " + claims.getIssuer());
        }
        if (claims.getAudience() == null || !claims.getAudience().equals(List.of(issuer))) {
            return Outcome.failed("aud", "aud must be the platform issuer " + issuer + ", not " + claims.getAudience());
        }
        // Verify timestamps
        if (claims.getIssueTime() == null || claims.getExpirationTime() == null) {
            return Outcome.failed("timestamps", "iat and exp are required");
        }
        Instant iat = claims.getIssueTime().toInstant();
        Instant exp = claims.getExpirationTime().toInstant();
        if (iat.isAfter(now.plus(LEEWAY)) || iat.isBefore(now.minus(MAX_AGE))) {
            return Outcome.failed("timestamps", "iat " + iat + " is not near now (" + now + ")");
        }
        if (!exp.isAfter(now.minus(LEEWAY)) || !exp.isAfter(iat)) {
            return Outcome.failed("timestamps", "exp " + exp + " has passed or is not after iat");
        }
        try {
            String nonce = claims.getStringClaim("nonce");
            if (nonce == null || nonce.isBlank()) {
                return Outcome.failed("nonce", "nonce is required");
            }
            if (!deploymentId.equals(claims.getStringClaim(LtiClaim.DEPLOYMENT_ID))) {
                return Outcome.failed("deployment_id", "deployment_id must be " + deploymentId);
            }
            if (!"LtiDeepLinkingResponse".equals(claims.getStringClaim(LtiClaim.MESSAGE_TYPE))) {
                return Outcome.failed("message_type", "message_type must be LtiDeepLinkingResponse");
            }
            if (!LtiClaim.LTI_VERSION.equals(claims.getStringClaim(LtiClaim.VERSION))) {
                return Outcome.failed("version", "version must be " + LtiClaim.LTI_VERSION);
            }
            // Affirm response values
            String data = claims.getStringClaim(LtiClaim.DEEP_LINKING_DATA);
            if (data == null || !dataWasIssued.test(data)) {
                return Outcome.failed("data", "data must echo the request's data, once (got " + data + ")");
            }
        } catch (ParseException e) {
            return Outcome.failed("claims", e.getMessage());
        }
        Object items = claims.getClaim(LtiClaim.DEEP_LINKING_CONTENT_ITEMS);
        if (items != null && !(items instanceof List<?>)) {
            return Outcome.failed("content_items", "content_items must be an array");
        }
        List<Link> links = new ArrayList<>();
        for (Object item : items == null ? List.of() : (List<?>) items) {
            if (!(item instanceof Map<?, ?> map)) {
                return Outcome.failed("content_items", "each content item must be an object");
            }
            String problem = itemProblem(map);
            if (problem != null) {
                return Outcome.failed("content_items", problem);
            }
            links.add(link(map));
        }
        return new Outcome(links, null, null);
    }

    private static String itemProblem(Map<?, ?> item) {
        if (!"ltiResourceLink".equals(item.get("type"))) {
            return "type " + item.get("type") + " was not offered (accept_types: ltiResourceLink)";
        }
        for (String key : List.of("title", "text", "url")) {
            if (item.get(key) != null && !(item.get(key) instanceof String)) {
                return key + " must be a string";
            }
        }
        if (item.get("custom") != null && !(item.get("custom") instanceof Map<?, ?> custom
                && custom.values().stream().allMatch(v -> v instanceof String))) {
            return "custom must be an object of strings";
        }
        if (item.get("submission") != null) {
            if (!(item.get("submission") instanceof Map<?, ?> window)) {
                return "submission must be an object";
            }
            Object end = window.get("endDateTime");
            if (end != null && !(end instanceof String text && isDateTime(text))) {
                return "submission.endDateTime must be an ISO 8601 date-time";
            }
        }
        if (item.get("lineItem") != null) {
            if (!(item.get("lineItem") instanceof Map<?, ?> lineItem)) {
                return "lineItem must be an object";
            }
            if (!(lineItem.get("scoreMaximum") instanceof Number max) || !(max.doubleValue() > 0)) {
                return "lineItem.scoreMaximum must be a number greater than 0";
            }
            if (lineItem.get("label") != null && !(lineItem.get("label") instanceof String)) {
                return "lineItem.label must be a string";
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Link link(Map<?, ?> item) {
        LineItemRequest lineItem = null;
        if (item.get("lineItem") instanceof Map<?, ?> li) {
            String label = li.get("label") instanceof String s ? s : (String) item.get("title");
            lineItem = new LineItemRequest(label, ((Number) li.get("scoreMaximum")).doubleValue(),
                    li.get("resourceId") instanceof String id ? id : null, li.get("tag") instanceof String t ? t : null);
        }
        String submissionEnd = item.get("submission") instanceof Map<?, ?> window && window.get("endDateTime") instanceof String end
                ? end : null;
        return new Link((String) item.get("title"), (String) item.get("text"), (String) item.get("url"),
                item.get("custom") == null ? Map.of() : (Map<String, Object>) item.get("custom"), lineItem, submissionEnd);
    }

    private static boolean isDateTime(String text) {
        try {
            java.time.OffsetDateTime.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** The tool's client_id a response claims to come from, read before its signature is checked (to pick the flavour). */
    static String claimedIssuer(String jwt) {
        try {
            return SignedJWT.parse(jwt == null ? "" : jwt.trim()).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            return null;
        }
    }
}
