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
import org.organizingworkbench.lti.LtiClaim;
import org.organizingworkbench.platform.PlatformRegistration;
import org.organizingworkbench.platform.PlatformRegistry;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The development platform: an LMS in miniature, in two flavours (Moodle 4.3 and Canvas, {@link PlatformFlavour}),
 * each registered with the tool as its own platform (development profile only) with its own demo course, signing
 * id_tokens with the emulator's key exactly as an LMS would.
 */
@ApplicationScoped
public class DevPlatform {

    static final String CLIENT_ID = "workbench-emulator";
    static final String DEPLOYMENT_ID = "emulator-deployment-1";
    static final String CANVAS_CLIENT_ID = "workbench-emulator-canvas";
    static final String CANVAS_DEPLOYMENT_ID = "emulator-canvas-deployment-1";
    /** The message hint of the gradebook's "Open submission": the learner's id follows it. */
    static final String SUBMISSION_REVIEW_HINT = "submission-review:";
    /** "activity:project-canvas": a launch from an activity the instructor placed for that exercise. */
    static final String ACTIVITY_HINT = "activity:";
    /** "placed:&lt;link id&gt;": a launch from an activity the platform made from a Deep Linking response. */
    static final String PLACED_HINT = "placed:";
    /** The exercise the demo course's resource link stands for, as the tool's deep linking would have set it. */
    static final String DEMO_EXERCISE = "story-of-self";
    private static final Logger LOG = Logger.getLogger(DevPlatform.class.getName());

    @Inject
    Settings settings;

    @Inject
    PlatformRegistry registry;

    @Inject
    Gradebook gradebook;

    @Inject
    CourseActivities activities;

    private final Map<PlatformFlavour, DemoCourse> courses = new EnumMap<>(Map.of(
            PlatformFlavour.MOODLE, DemoCourse.load(PlatformFlavour.MOODLE),
            PlatformFlavour.CANVAS, DemoCourse.load(PlatformFlavour.CANVAS)));
    private RSAKey key;
    private final Set<String> issuedDeepLinkData = ConcurrentHashMap.newKeySet();

    void onStart(@Observes ToolStarted started) {
        if (!settings.isDevelopment()) {
            return;
        }
        for (PlatformFlavour flavour : PlatformFlavour.values()) {
            registry.register(new PlatformRegistration("Development emulator (" + flavour.displayName() + ")",
                    issuer(flavour), clientId(flavour), url("/emulator/auth"), url("/emulator/token"),
                    url("/emulator/jwks"), List.of(deploymentId(flavour))));
            LOG.info(() -> "Emulator registered as platform " + issuer(flavour) + " (" + flavour.displayName() + ")");
        }
    }

    /** The Moodle flavour's issuer, which the benchmark courses use too. */
    String issuer() {
        return issuer(PlatformFlavour.MOODLE);
    }

    String issuer(PlatformFlavour flavour) {
        return settings.emulatorOrigin() + (flavour == PlatformFlavour.MOODLE ? "/emulator" : "/emulator/canvas");
    }

    static String clientId(PlatformFlavour flavour) {
        return flavour == PlatformFlavour.MOODLE ? CLIENT_ID : CANVAS_CLIENT_ID;
    }

    static String deploymentId(PlatformFlavour flavour) {
        return flavour == PlatformFlavour.MOODLE ? DEPLOYMENT_ID : CANVAS_DEPLOYMENT_ID;
    }

    static Optional<PlatformFlavour> flavourOfClient(String clientId) {
        return Arrays.stream(PlatformFlavour.values()).filter(f -> clientId(f).equals(clientId)).findFirst();
    }

    String url(String path) {
        return settings.emulatorOrigin() + path;
    }

    /** The Moodle flavour's demo course. */
    DemoCourse demoCourse() {
        return course(PlatformFlavour.MOODLE);
    }

    DemoCourse course(PlatformFlavour flavour) {
        return courses.get(flavour);
    }

    /** The demo course of a context, if it is one (benchmark courses are not). */
    Optional<DemoCourse> courseOf(String contextId) {
        return courses.values().stream().filter(c -> c.contextId().equals(contextId)).findFirst();
    }

    /** A context's flavour: its demo course's, Moodle for the benchmark courses. */
    PlatformFlavour flavourOf(String contextId) {
        return courseOf(contextId).map(DemoCourse::flavour).orElse(PlatformFlavour.MOODLE);
    }

    /** The course's member's role there, or null when the platform has no such user in the context. */
    String roleIn(String contextId, String userId) {
        Optional<DemoCourse> course = courseOf(contextId);
        if (course.isPresent()) {
            return course.get().member(userId).map(DemoCourse.Member::role).orElse(null);
        }
        return DemoCourse.benchCourseFor(userId).filter(c -> c.contextId().equals(contextId))
                .map(c -> c.members().get(0).role()).orElse(null);
    }

    /** A line item's URL as the flavour writes it: Moodle adds {@code ?type_id=} (the tool type) to each. */
    String lineItemUrl(String contextId, long lineItemId) {
        return url("/emulator/ags/" + contextId + "/lineitems/" + lineItemId)
                + (flavourOf(contextId) == PlatformFlavour.MOODLE ? "?type_id=1" : "");
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

    /** The resource link a launch opens, with its custom parameters and gradebook column (null for none). */
    private record Link(String id, String title, Map<String, Object> custom, Long lineItemId) {
    }

    /**
     * The id_token an LMS would post for this member, the message its hint names (resource link, deep linking, a
     * placed activity, or submission review of a learner's work) and nonce.
     */
    String idToken(DemoCourse course, DemoCourse.Member member, String messageHint, String nonce) {
        PlatformFlavour flavour = course.flavour();
        boolean deepLinking = "deep-linking".equals(messageHint);
        String reviewedLearner = messageHint != null && messageHint.startsWith(SUBMISSION_REVIEW_HINT)
                ? messageHint.substring(SUBMISSION_REVIEW_HINT.length()) : null;
        Link link = deepLinking ? null : link(course, reviewedLearner != null ? ACTIVITY_HINT + DEMO_EXERCISE : messageHint);
        Instant now = Instant.now();
        String target = settings.baseUrl() + "/";
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer(flavour)).audience(clientId(flavour)).subject(member.id())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce)
                .claim("name", member.name()).claim("given_name", member.givenName())
                .claim("family_name", member.familyName()).claim("email", member.email())
                .claim(LtiClaim.VERSION, LtiClaim.LTI_VERSION)
                .claim(LtiClaim.DEPLOYMENT_ID, deploymentId(flavour))
                .claim(LtiClaim.TARGET_LINK_URI, target)
                .claim(LtiClaim.ROLES, flavour.launchRoles(member.role()))
                .claim(LtiClaim.CONTEXT, Map.of("id", course.contextId(), "label", course.label(), "title", course.title(),
                        "type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering")))
                .claim(LtiClaim.LAUNCH_PRESENTATION, Map.of("locale", member.locale(), "document_target", "iframe"))
                .claim(LtiClaim.TOOL_PLATFORM, Map.of("product_family_code", flavour.productFamily(),
                        "guid", "emulator-" + flavour.productFamily(), "name", "Development emulator (" + flavour.displayName() + ")"))
                .claim(LtiClaim.AGS_ENDPOINT, agsClaim(course, link))
                .claim(LtiClaim.NRPS, Map.of("context_memberships_url", url("/emulator/nrps/" + course.contextId()),
                        "service_versions", List.of("2.0")));
        if (deepLinking) {
            claims.claim(LtiClaim.MESSAGE_TYPE, "LtiDeepLinkingRequest")
                    .claim(LtiClaim.DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", url("/emulator/deep-link-return"),
                            "accept_types", List.of("ltiResourceLink"), "accept_presentation_document_targets",
                            List.of("iframe", "window"), "accept_multiple", true, "data", deepLinkData(nonce)));
        } else {
            claims.claim(LtiClaim.RESOURCE_LINK, Map.of("id", link.id(), "title", link.title()));
            if (!link.custom().isEmpty()) {
                claims.claim(LtiClaim.CUSTOM, link.custom());
            }
            if (reviewedLearner != null) {
                // Submission Review 1.0 §2.1: the learner whose work is opened; the link's custom parameters as set.
                claims.claim(LtiClaim.MESSAGE_TYPE, "LtiSubmissionReviewRequest")
                        .claim(LtiClaim.FOR_USER, forUser(course, reviewedLearner));
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

    /** The link a hint opens: a placed activity, an exercise's activity, or the course's workbook link. */
    private Link link(DemoCourse course, String hint) {
        if (hint != null && hint.startsWith(PLACED_HINT)) {
            Optional<CourseActivities.Activity> placed = activities.find(course.contextId(), hint.substring(PLACED_HINT.length()));
            if (placed.isPresent()) {
                CourseActivities.Activity a = placed.get();
                return new Link(a.linkId(), a.title(), new LinkedHashMap<>(a.custom()), a.lineItemId());
            }
        }
        if (hint != null && hint.matches(ACTIVITY_HINT + "[a-z0-9-]{1,100}")) {
            String exercise = hint.substring(ACTIVITY_HINT.length());
            String id = "demo-activity-" + exercise;
            // As our Deep Linking placed it: the link's custom parameter names the exercise.
            return new Link(id, exercise, Map.of("exercise", exercise),
                    gradebook.lineItemOfLink(course.contextId(), id, exercise, exercise).id());
        }
        return new Link(course.linkId(), course.linkTitle(), Map.of(),
                gradebook.lineItemOfLink(course.contextId(), course.linkId(), course.linkTitle(), null).id());
    }

    private Map<String, Object> forUser(DemoCourse course, String learnerId) {
        Map<String, Object> forUser = new LinkedHashMap<>();
        forUser.put("user_id", learnerId);
        course.member(learnerId).ifPresent(m -> {
            forUser.put("name", m.name());
            forUser.put("roles", course.flavour().launchRoles(m.role()));
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

    /** AGS 2.0 §3.1: the context's line items, and for a link with a gradebook column that line item. */
    private Map<String, Object> agsClaim(DemoCourse course, Link link) {
        String lineItems = url("/emulator/ags/" + course.contextId() + "/lineitems")
                + (course.flavour() == PlatformFlavour.MOODLE ? "?type_id=1" : "");
        Map<String, Object> ags = new LinkedHashMap<>();
        ags.put("scope", List.of(AgsResource.LINEITEM, AgsResource.LINEITEM_READONLY, AgsResource.SCORE,
                AgsResource.RESULT_READONLY));
        ags.put("lineitems", lineItems);
        if (link != null && link.lineItemId() != null) {
            ags.put("lineitem", lineItemUrl(course.contextId(), link.lineItemId()));
        }
        return ags;
    }
}
