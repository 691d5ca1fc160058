package org.organizingworkbench.emulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.organizingworkbench.infrastructure.Settings;
import org.organizingworkbench.infrastructure.ToolStarted;
import org.organizingworkbench.lti.LisRole;
import org.organizingworkbench.lti.LtiClaim;
import org.organizingworkbench.platform.PlatformRegistration;
import org.organizingworkbench.platform.PlatformRegistry;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The development platform: an LMS in miniature that registers itself with the tool (development profile only)
 * and signs id_tokens for its demo course with its own key, exactly as an LMS would.
 */
@ApplicationScoped
public class DevPlatform {

    static final String CLIENT_ID = "workbench-emulator";
    static final String DEPLOYMENT_ID = "emulator-deployment-1";
    /** The message hint of the gradebook's "Open submission": the learner's id follows it. */
    static final String SUBMISSION_REVIEW_HINT = "submission-review:";
    /** "activity:project-canvas": a launch from an activity the instructor placed for that exercise. */
    static final String ACTIVITY_HINT = "activity:";
    /** The exercise the demo course's resource link stands for, as the tool's deep linking would have set it. */
    static final String DEMO_EXERCISE = "story-of-self";
    private static final Logger LOG = Logger.getLogger(DevPlatform.class.getName());

    @Inject
    Settings settings;

    @Inject
    PlatformRegistry registry;

    @Inject
    Gradebook gradebook;

    private final DemoCourse demoCourse = DemoCourse.load();
    private RSAKey key;
    private final Set<String> issuedDeepLinkData = ConcurrentHashMap.newKeySet();

    void onStart(@Observes ToolStarted started) {
        if (!settings.isDevelopment()) {
            return;
        }
        registry.register(new PlatformRegistration("Development emulator", issuer(), CLIENT_ID,
                url("/emulator/auth"), url("/emulator/token"), url("/emulator/jwks"), List.of(DEPLOYMENT_ID)));
        LOG.info(() -> "Emulator registered as platform " + issuer());
    }

    String issuer() {
        return settings.emulatorOrigin() + "/emulator";
    }

    String url(String path) {
        return settings.emulatorOrigin() + path;
    }

    DemoCourse demoCourse() {
        return demoCourse;
    }

    synchronized RSAKey key() {
        if (key == null) {
            try {
                key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                        .keyID("emulator-" + UUID.randomUUID()).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return key;
    }

    JWKSet publicKeys() {
        return new JWKSet(key().toPublicJWK());
    }

    /**
     * The id_token an LMS would post for this member, the message its hint names (resource link, deep linking, or
     * submission review of a learner's work) and nonce.
     */
    String idToken(DemoCourse course, DemoCourse.Member member, String messageHint, String nonce) {
        boolean deepLinking = "deep-linking".equals(messageHint);
        String reviewedLearner = messageHint != null && messageHint.startsWith(SUBMISSION_REVIEW_HINT)
                ? messageHint.substring(SUBMISSION_REVIEW_HINT.length()) : null;
        String activity = messageHint != null && messageHint.matches(ACTIVITY_HINT + "[a-z0-9-]{1,100}")
                ? messageHint.substring(ACTIVITY_HINT.length()) : null;
        // A submission review opens the work of a placed activity: the demo exercise's.
        activity = reviewedLearner != null ? DEMO_EXERCISE : activity;
        String linkId = activity == null ? course.linkId() : "demo-activity-" + activity;
        String linkTitle = activity == null ? course.linkTitle() : activity;
        Instant now = Instant.now();
        String target = settings.baseUrl() + "/";
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer()).audience(CLIENT_ID).subject(member.id())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce)
                .claim("name", member.name()).claim("given_name", member.givenName())
                .claim("family_name", member.familyName()).claim("email", member.email())
                .claim(LtiClaim.VERSION, LtiClaim.LTI_VERSION)
                .claim(LtiClaim.DEPLOYMENT_ID, DEPLOYMENT_ID)
                .claim(LtiClaim.TARGET_LINK_URI, target)
                .claim(LtiClaim.ROLES, roles(member.role()))
                .claim(LtiClaim.CONTEXT, Map.of("id", course.contextId(), "label", course.label(), "title", course.title(),
                        "type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering")))
                .claim(LtiClaim.LAUNCH_PRESENTATION, Map.of("locale", member.locale(), "document_target", "iframe"))
                .claim(LtiClaim.TOOL_PLATFORM, Map.of("product_family_code", "organizing-workbench-emulator",
                        "guid", "emulator", "name", "Development emulator"))
                .claim(LtiClaim.AGS_ENDPOINT, agsClaim(course, deepLinking, linkId, linkTitle))
                .claim(LtiClaim.NRPS, Map.of("context_memberships_url", url("/emulator/nrps/" + course.contextId()),
                        "service_versions", List.of("2.0")));
        if (deepLinking) {
            claims.claim(LtiClaim.MESSAGE_TYPE, "LtiDeepLinkingRequest")
                    .claim(LtiClaim.DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", url("/emulator/deep-link-return"),
                            "accept_types", List.of("ltiResourceLink"), "accept_presentation_document_targets",
                            List.of("iframe", "window"), "accept_multiple", true, "data", deepLinkData(nonce)));
        } else {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("id", linkId);
            link.put("title", linkTitle);
            claims.claim(LtiClaim.RESOURCE_LINK, link);
            if (activity != null) {
                // As our Deep Linking placed it: the link's custom parameter names the exercise.
                claims.claim(LtiClaim.CUSTOM, Map.of("exercise", activity));
            }
            if (reviewedLearner != null) {
                // Submission Review 1.0 §2.1: the learner whose work is opened; the link's custom parameters as set.
                claims.claim(LtiClaim.MESSAGE_TYPE, "LtiSubmissionReviewRequest")
                        .claim(LtiClaim.FOR_USER, forUser(course, reviewedLearner))
                        .claim(LtiClaim.CUSTOM, Map.of("exercise", DEMO_EXERCISE));
            } else {
                claims.claim(LtiClaim.MESSAGE_TYPE, "LtiResourceLinkRequest");
            }
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key().getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static Map<String, Object> forUser(DemoCourse course, String learnerId) {
        Map<String, Object> forUser = new LinkedHashMap<>();
        forUser.put("user_id", learnerId);
        course.member(learnerId).ifPresent(m -> {
            forUser.put("name", m.name());
            forUser.put("roles", roles(m.role()));
        });
        return forUser;
    }

    /** The opaque data of a deep linking request; the return must echo one the platform issued, once. */
    private String deepLinkData(String nonce) {
        String data = "emulator-" + nonce;
        issuedDeepLinkData.add(data);
        return data;
    }

    /** True once for data this platform put in a deep linking request: a response cannot be replayed. */
    boolean consumeDeepLinkData(String data) {
        return data != null && issuedDeepLinkData.remove(data);
    }

    /** AGS 2.0 §3.1: the context's line items, and for a resource link launch the link's own line item. */
    private Map<String, Object> agsClaim(DemoCourse course, boolean deepLinking, String linkId, String linkTitle) {
        String lineItems = url("/emulator/ags/" + course.contextId() + "/lineitems");
        Map<String, Object> ags = new LinkedHashMap<>();
        ags.put("scope", List.of(AgsResource.LINEITEM, AgsResource.LINEITEM_READONLY, AgsResource.SCORE,
                AgsResource.RESULT_READONLY));
        ags.put("lineitems", lineItems);
        if (!deepLinking) {
            ags.put("lineitem", lineItems + "/"
                    + gradebook.lineItemOfLink(course.contextId(), linkId, linkTitle).id());
        }
        return ags;
    }

    static List<String> roles(String role) {
        return switch (role) {
            case "INSTRUCTOR" -> List.of(LisRole.INSTRUCTOR, "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty");
            case "TEACHING_ASSISTANT" -> List.of(LisRole.TEACHING_ASSISTANT);
            default -> List.of(LisRole.LEARNER, "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student");
        };
    }
}
