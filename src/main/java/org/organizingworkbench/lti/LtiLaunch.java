package org.organizingworkbench.lti;

import com.nimbusds.jwt.JWTClaimsSet;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A verified LTI message: only an {@link IdTokenVerifier} makes one. */
public final class LtiLaunch {

    /** The course the launch came from (LTI Core 5.4.1); absent for launches outside a course. */
    public record Context(String id, String label, String title) {
    }

    public record ResourceLink(String id, String title) {
    }

    public record DeepLinkingSettings(String returnUrl, String data, List<String> acceptTypes, boolean acceptMultiple) {
    }

    private final MessageType messageType;
    private final String issuer;
    private final String clientId;
    private final String deploymentId;
    private final JWTClaimsSet claims;

    LtiLaunch(MessageType messageType, String issuer, String clientId, String deploymentId, JWTClaimsSet claims) {
        this.messageType = messageType;
        this.issuer = issuer;
        this.clientId = clientId;
        this.deploymentId = deploymentId;
        this.claims = claims;
    }

    public MessageType messageType() {
        return messageType;
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public String deploymentId() {
        return deploymentId;
    }

    /** The platform's stable user id; empty for an anonymous launch. */
    public Optional<String> subject() {
        return Optional.ofNullable(claims.getSubject()).filter(sub -> !sub.isBlank());
    }

    public Optional<String> name() {
        String name = string("name");
        if (name == null && (string("given_name") != null || string("family_name") != null)) {
            name = String.join(" ", nonNull(string("given_name")), nonNull(string("family_name"))).trim();
        }
        return Optional.ofNullable(name);
    }

    public Optional<String> givenName() {
        return Optional.ofNullable(string("given_name"));
    }

    public Optional<String> familyName() {
        return Optional.ofNullable(string("family_name"));
    }

    public Optional<String> email() {
        return Optional.ofNullable(string("email"));
    }

    /** Roles, normalised to full LIS URIs; unknown roles are kept as sent. */
    public List<String> roles() {
        List<Object> raw = list(LtiClaim.ROLES);
        return raw.stream().map(String::valueOf).map(LisRole::normalize).filter(r -> !r.isEmpty()).toList();
    }

    public Optional<Context> context() {
        Map<String, Object> context = object(LtiClaim.CONTEXT);
        if (context == null || context.get("id") == null) {
            return Optional.empty();
        }
        return Optional.of(new Context(String.valueOf(context.get("id")), text(context, "label"), text(context, "title")));
    }

    public Optional<ResourceLink> resourceLink() {
        Map<String, Object> link = object(LtiClaim.RESOURCE_LINK);
        if (link == null || link.get("id") == null) {
            return Optional.empty();
        }
        return Optional.of(new ResourceLink(String.valueOf(link.get("id")), text(link, "title")));
    }

    public Optional<DeepLinkingSettings> deepLinkingSettings() {
        Map<String, Object> settings = object(LtiClaim.DEEP_LINKING_SETTINGS);
        if (settings == null || settings.get("deep_link_return_url") == null) {
            return Optional.empty();
        }
        Object types = settings.get("accept_types");
        List<String> acceptTypes = types instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        return Optional.of(new DeepLinkingSettings(String.valueOf(settings.get("deep_link_return_url")),
                settings.get("data") instanceof String data ? data : null, acceptTypes, Boolean.TRUE.equals(settings.get("accept_multiple"))));
    }

    /** Submission Review 1.0 §2.1: the learner whose work the reviewer wants to see (for_user.user_id). */
    public Optional<String> forUserId() {
        Map<String, Object> forUser = object(LtiClaim.FOR_USER);
        return Optional.ofNullable(forUser == null ? null : text(forUser, "user_id"));
    }

    public String targetLinkUri() {
        return string(LtiClaim.TARGET_LINK_URI);
    }

    /** The locale the platform asked for (launch_presentation.locale), e.g. "es" or "en-GB". */
    public Optional<String> locale() {
        Map<String, Object> presentation = object(LtiClaim.LAUNCH_PRESENTATION);
        return Optional.ofNullable(presentation == null ? null : text(presentation, "locale"));
    }

    public Optional<String> platformProduct() {
        Map<String, Object> platform = object(LtiClaim.TOOL_PLATFORM);
        return Optional.ofNullable(platform == null ? null : text(platform, "product_family_code"));
    }

    public Map<String, Object> custom() {
        Map<String, Object> custom = object(LtiClaim.CUSTOM);
        return custom == null ? Map.of() : custom;
    }

    /** The course's Names and Role Provisioning endpoint, when the platform offers the service. */
    public Optional<String> membershipsUrl() {
        Map<String, Object> nrps = object(LtiClaim.NRPS);
        return Optional.ofNullable(nrps == null ? null : text(nrps, "context_memberships_url"));
    }

    /** The course's line items endpoint (Assignment and Grade Services), when the platform offers it. */
    public Optional<String> lineItemsUrl() {
        Map<String, Object> ags = object(LtiClaim.AGS_ENDPOINT);
        return Optional.ofNullable(ags == null ? null : text(ags, "lineitems"));
    }

    /**
     * The line item of this resource link (AGS 2.0 §3.1 claim "lineitem"): where its scores go. Absent when the
     * platform created no line item for the link, e.g. an ungraded Moodle activity.
     */
    public Optional<String> lineItemUrl() {
        Map<String, Object> ags = object(LtiClaim.AGS_ENDPOINT);
        return Optional.ofNullable(ags == null ? null : text(ags, "lineitem"));
    }

    /** The whole claim set, for features that read service endpoints (AGS, NRPS). */
    public JWTClaimsSet claims() {
        return claims;
    }

    private String string(String claim) {
        Object value = claims.getClaim(claim);
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(String claim) {
        Object value = claims.getClaim(claim);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(String claim) {
        Object value = claims.getClaim(claim);
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
