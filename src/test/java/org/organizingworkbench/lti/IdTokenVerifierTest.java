package org.organizingworkbench.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.organizingworkbench.course.CourseRole;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.organizingworkbench.lti.TestPlatform.NOW;

/**
 * The id_token checks of Security Framework 1.0 §5.1.3 and LTI Core, named after the 1EdTech certification cases
 * (LTI Advantage Conformance Certification Guide §6.1.1 known bad payloads, §6.1.2/§6.1.3 valid launches).
 */
class IdTokenVerifierTest {

    static final String ISSUER = "https://lms.example.edu";
    static final String CLIENT_ID = "workbench-client-1";
    static final String NONCE = "nonce-7d1c0b8e-4f2a";
    static final String DEPLOYMENT = "deployment-42";
    static final String TARGET = "https://workbench.example.org/lti/launch";

    static final Duration LEEWAY = Duration.ofSeconds(60);
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    static final ExpectedLaunch EXPECTED = new ExpectedLaunch(ISSUER, CLIENT_ID, NONCE, DEPLOYMENT, TARGET);

    static final String SHORT_INSTRUCTOR = "Instructor";
    static final String SHORT_LEARNER = "Learner";

    private final IdTokenVerifier verifier = new IdTokenVerifier(TestPlatform.CLOCK, LEEWAY, MAX_AGE);

    /** A complete, valid instructor resource-link launch, as a mutable map each test may change. */
    static Map<String, Object> baseline() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", CLIENT_ID);
        claims.put("sub", "lms-user-1001");
        claims.put("nonce", NONCE);
        claims.put("iat", NOW.minusSeconds(5).getEpochSecond());
        claims.put("exp", NOW.plusSeconds(55).getEpochSecond());
        claims.put("name", "Ella Baker");
        claims.put("given_name", "Ella");
        claims.put("family_name", "Baker");
        claims.put("email", "ella.baker@example.edu");
        claims.put(LtiClaim.VERSION, "1.3.0");
        claims.put(LtiClaim.MESSAGE_TYPE, "LtiResourceLinkRequest");
        claims.put(LtiClaim.DEPLOYMENT_ID, DEPLOYMENT);
        claims.put(LtiClaim.TARGET_LINK_URI, TARGET);
        claims.put(LtiClaim.ROLES, List.of(LisRole.INSTRUCTOR));
        claims.put(LtiClaim.RESOURCE_LINK, map("id", "rl-200", "title", "Week 1: one-on-ones"));
        claims.put(LtiClaim.CONTEXT, map("id", "ctx-77", "label", "ORG101", "title", "Organizing 101",
                "type", List.of("CourseSection")));
        claims.put(LtiClaim.LAUNCH_PRESENTATION, map("locale", "es", "document_target", "iframe"));
        claims.put(LtiClaim.TOOL_PLATFORM, map("product_family_code", "canvas", "version", "cloud"));
        claims.put(LtiClaim.CUSTOM, map("section", "A", "canvas_course_id", "123"));
        return claims;
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = baseline();
        change.accept(claims);
        return claims;
    }

    static void removePii(Map<String, Object> c) {
        c.remove("name");
        c.remove("given_name");
        c.remove("family_name");
        c.remove("email");
    }

    LtiLaunch verify(Map<String, Object> claims) throws LaunchRejectedException {
        return verifier.verify(TestPlatform.sign(claims), EXPECTED, TestPlatform.KEYS);
    }

    LaunchRule rejection(String token) {
        return rejection(token, EXPECTED, TestPlatform.KEYS);
    }

    LaunchRule rejection(String token, ExpectedLaunch expected, JWKSource<SecurityContext> keys) {
        LaunchRejectedException e = assertThrows(LaunchRejectedException.class,
                () -> verifier.verify(token, expected, keys));
        assertTrue(e.getMessage().startsWith(e.rule().name()), "message names the rule: " + e.getMessage());
        return e.rule();
    }

    @Test
    @DisplayName("the baseline launch is valid (every rejection below changes one thing)")
    void baselineIsAccepted() throws Exception {
        LtiLaunch launch = verify(baseline());
        assertEquals(MessageType.RESOURCE_LINK, launch.messageType());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // §6.1.1 Known bad payloads and the other Security Framework §5.1.3 checks
    // ---------------------------------------------------------------------------------------------------------------

    static Stream<Arguments> badPayloads() {
        long now = NOW.getEpochSecond();
        long leeway = LEEWAY.getSeconds();
        return Stream.of(
                arguments("Wrong LTI version", with(c -> c.put(LtiClaim.VERSION, "1.2.0")), LaunchRule.VERSION_UNSUPPORTED),
                arguments("Wrong LTI version (1.1 style)", with(c -> c.put(LtiClaim.VERSION, "LTI-1p0")), LaunchRule.VERSION_UNSUPPORTED),
                arguments("No LTI version", with(c -> c.remove(LtiClaim.VERSION)), LaunchRule.VERSION_UNSUPPORTED),
                arguments("Missing LTI claims", with(c -> c.keySet().removeIf(k -> k.startsWith("https://purl.imsglobal.org/"))),
                        LaunchRule.VERSION_UNSUPPORTED),
                arguments("Timestamps incorrect: exp past (beyond leeway)", with(c -> {
                    c.put("iat", now - 300);
                    c.put("exp", now - leeway - 1);
                }), LaunchRule.EXPIRED),
                arguments("Timestamps incorrect: exp missing", with(c -> c.remove("exp")), LaunchRule.EXPIRED),
                arguments("Timestamps incorrect: iat in the future (beyond leeway)", with(c -> {
                    c.put("iat", now + leeway + 1);
                    c.put("exp", now + leeway + 61);
                }), LaunchRule.ISSUED_AT_OUT_OF_RANGE),
                arguments("Timestamps incorrect: iat missing", with(c -> c.remove("iat")), LaunchRule.ISSUED_AT_OUT_OF_RANGE),
                arguments("Timestamps incorrect: iat older than the login state can live", with(c -> {
                    c.put("iat", now - MAX_AGE.getSeconds() - leeway - 1);
                    c.put("exp", now + 30);
                }), LaunchRule.ISSUED_AT_OUT_OF_RANGE),
                arguments("message_type missing", with(c -> c.remove(LtiClaim.MESSAGE_TYPE)), LaunchRule.MESSAGE_TYPE_UNKNOWN),
                arguments("message_type not handled", with(c -> c.put(LtiClaim.MESSAGE_TYPE, "LtiStartProctoring")),
                        LaunchRule.MESSAGE_TYPE_UNKNOWN),
                arguments("role missing", with(c -> c.remove(LtiClaim.ROLES)), LaunchRule.ROLES_MISSING),
                arguments("roles not a list", with(c -> c.put(LtiClaim.ROLES, LisRole.INSTRUCTOR)), LaunchRule.ROLES_MISSING),
                arguments("deployment_id missing", with(c -> c.remove(LtiClaim.DEPLOYMENT_ID)), LaunchRule.DEPLOYMENT_ID_MISSING),
                arguments("deployment_id blank", with(c -> c.put(LtiClaim.DEPLOYMENT_ID, " ")), LaunchRule.DEPLOYMENT_ID_MISSING),
                arguments("deployment_id longer than 255", with(c -> c.put(LtiClaim.DEPLOYMENT_ID, "d".repeat(256))),
                        LaunchRule.DEPLOYMENT_ID_MISSING),
                arguments("deployment_id not ASCII", with(c -> c.put(LtiClaim.DEPLOYMENT_ID, "déploiement")),
                        LaunchRule.DEPLOYMENT_ID_MISSING),
                arguments("resource_link_id missing", with(c -> c.put(LtiClaim.RESOURCE_LINK, map("title", "no id"))),
                        LaunchRule.RESOURCE_LINK_MISSING),
                arguments("resource_link claim missing", with(c -> c.remove(LtiClaim.RESOURCE_LINK)), LaunchRule.RESOURCE_LINK_MISSING),
                arguments("resource_link id longer than 255", with(c -> c.put(LtiClaim.RESOURCE_LINK, map("id", "r".repeat(256)))),
                        LaunchRule.RESOURCE_LINK_MISSING),
                arguments("user (sub) missing, name present", with(c -> c.remove("sub")), LaunchRule.USER_MISSING),
                arguments("user (sub) missing, only email present", with(c -> {
                    removePii(c);
                    c.remove("sub");
                    c.put("email", "someone@example.edu");
                }), LaunchRule.USER_MISSING),
                arguments("user (sub) missing, only given_name present", with(c -> {
                    removePii(c);
                    c.remove("sub");
                    c.put("given_name", "Ella");
                }), LaunchRule.USER_MISSING),
                arguments("sub longer than 255", with(c -> c.put("sub", "u".repeat(256))), LaunchRule.USER_MISSING),
                arguments("iss differs from the registered issuer", with(c -> c.put("iss", "https://evil.example.com")),
                        LaunchRule.ISSUER_MISMATCH),
                arguments("iss differs only by a trailing slash", with(c -> c.put("iss", ISSUER + "/")), LaunchRule.ISSUER_MISMATCH),
                arguments("iss missing", with(c -> c.remove("iss")), LaunchRule.ISSUER_MISMATCH),
                arguments("aud without our client_id", with(c -> c.put("aud", "another-tool")), LaunchRule.AUDIENCE_MISMATCH),
                arguments("aud list without our client_id", with(c -> c.put("aud", List.of("another-tool", "third-tool"))),
                        LaunchRule.AUDIENCE_MISMATCH),
                arguments("aud missing", with(c -> c.remove("aud")), LaunchRule.AUDIENCE_MISMATCH),
                arguments("aud has an extra untrusted audience (azp = client_id)", with(c -> {
                    c.put("aud", List.of(CLIENT_ID, "untrusted-party"));
                    c.put("azp", CLIENT_ID);
                }), LaunchRule.AUDIENCE_MISMATCH),
                arguments("azp differs from client_id", with(c -> c.put("azp", "another-tool")), LaunchRule.AUTHORIZED_PARTY_MISMATCH),
                arguments("nonce missing", with(c -> c.remove("nonce")), LaunchRule.NONCE_MISMATCH),
                arguments("nonce differs from the login's", with(c -> c.put("nonce", "nonce-of-another-login")),
                        LaunchRule.NONCE_MISMATCH),
                arguments("deployment_id differs from the login's", with(c -> c.put(LtiClaim.DEPLOYMENT_ID, "deployment-43")),
                        LaunchRule.DEPLOYMENT_MISMATCH),
                arguments("target_link_uri differs from the login's",
                        with(c -> c.put(LtiClaim.TARGET_LINK_URI, "https://workbench.example.org/lti/other")),
                        LaunchRule.TARGET_LINK_URI_MISMATCH),
                arguments("target_link_uri missing", with(c -> c.remove(LtiClaim.TARGET_LINK_URI)),
                        LaunchRule.TARGET_LINK_URI_MISMATCH),
                arguments("deep linking request without deep_linking_settings", with(c -> {
                    c.put(LtiClaim.MESSAGE_TYPE, "LtiDeepLinkingRequest");
                    c.remove(LtiClaim.RESOURCE_LINK);
                }), LaunchRule.DEEP_LINKING_SETTINGS_MISSING),
                arguments("deep linking settings without deep_link_return_url", with(c -> {
                    c.put(LtiClaim.MESSAGE_TYPE, "LtiDeepLinkingRequest");
                    c.remove(LtiClaim.RESOURCE_LINK);
                    c.put(LtiClaim.DEEP_LINKING_SETTINGS, map("accept_types", List.of("ltiResourceLink")));
                }), LaunchRule.DEEP_LINKING_SETTINGS_MISSING),
                arguments("deep linking request whose target_link_uri differs from the login's", with(c -> {
                    c.put(LtiClaim.MESSAGE_TYPE, "LtiDeepLinkingRequest");
                    c.put(LtiClaim.DEEP_LINKING_SETTINGS, map("deep_link_return_url", "https://lms.example.edu/dl/return"));
                    c.put(LtiClaim.TARGET_LINK_URI, "https://workbench.example.org/lti/elsewhere");
                }), LaunchRule.TARGET_LINK_URI_MISMATCH),
                arguments("deep linking return URL that runs script", with(c -> {
                    c.put(LtiClaim.MESSAGE_TYPE, "LtiDeepLinkingRequest");
                    c.remove(LtiClaim.RESOURCE_LINK);
                    c.put(LtiClaim.DEEP_LINKING_SETTINGS, map("deep_link_return_url", "javascript:alert(document.domain)"));
                }), LaunchRule.DEEP_LINK_RETURN_URL_INVALID),
                arguments("deep linking return URL that is data", with(c -> {
                    c.put(LtiClaim.MESSAGE_TYPE, "LtiDeepLinkingRequest");
                    c.remove(LtiClaim.RESOURCE_LINK);
                    c.put(LtiClaim.DEEP_LINKING_SETTINGS, map("deep_link_return_url", "data:text/html,<script>1</script>"));
                }), LaunchRule.DEEP_LINK_RETURN_URL_INVALID),
                arguments("deep linking return URL that is relative", with(c -> {
                    c.put(LtiClaim.MESSAGE_TYPE, "LtiDeepLinkingRequest");
                    c.remove(LtiClaim.RESOURCE_LINK);
                    c.put(LtiClaim.DEEP_LINKING_SETTINGS, map("deep_link_return_url", "/dl/return"));
                }), LaunchRule.DEEP_LINK_RETURN_URL_INVALID),
                arguments("a validly signed id_token of 1 MB", with(c -> c.put("https://lms.example.edu/padding", "p".repeat(1_000_000))),
                        LaunchRule.ID_TOKEN_TOO_LARGE),
                arguments("submission review without for_user", with(c -> c.put(LtiClaim.MESSAGE_TYPE, "LtiSubmissionReviewRequest")),
                        LaunchRule.FOR_USER_MISSING));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @MethodSource("badPayloads")
    void rejectsKnownBadPayloads(String certificationCase, Map<String, Object> claims, LaunchRule expected) {
        assertEquals(expected, rejection(TestPlatform.sign(claims)), certificationCase);
    }

    static Stream<Arguments> badTokens() {
        Payload valid = new Payload(baseline());
        return Stream.of(
                arguments("No KID in header", (Supplier<String>) () -> TestPlatform.sign(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).build(), valid, TestPlatform.PLATFORM_KEY), LaunchRule.KID_MISSING),
                arguments("Incorrect KID", (Supplier<String>) () -> TestPlatform.sign(
                        TestPlatform.rs256Header("rotated-away-key"), valid, TestPlatform.PLATFORM_KEY), LaunchRule.KID_UNKNOWN),
                arguments("Invalid LTI message: not a JWT", (Supplier<String>) () -> "this is not a JWT", LaunchRule.NOT_A_JWT),
                arguments("Invalid LTI message: three garbage parts", (Supplier<String>) () -> "abc.def.ghi", LaunchRule.NOT_A_JWT),
                arguments("Invalid LTI message: empty id_token", (Supplier<String>) () -> "", LaunchRule.NOT_A_JWT),
                arguments("Invalid LTI message: no id_token", (Supplier<String>) () -> null, LaunchRule.NOT_A_JWT),
                arguments("Invalid LTI message: signed payload is not a JSON object", (Supplier<String>) () -> TestPlatform.sign(
                        TestPlatform.rs256Header(TestPlatform.KID), new Payload("hello platform"), TestPlatform.PLATFORM_KEY),
                        LaunchRule.NOT_A_JWT),
                arguments("alg none (unsigned)", (Supplier<String>) () -> new PlainObject(new PlainHeader(), valid).serialize(),
                        LaunchRule.ALGORITHM_NOT_ALLOWED),
                arguments("alg HS256 keyed with the platform's public key", (Supplier<String>) IdTokenVerifierTest::hs256Token,
                        LaunchRule.ALGORITHM_NOT_ALLOWED),
                arguments("alg RS512 with the platform's own key", (Supplier<String>) () -> TestPlatform.sign(
                        new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(TestPlatform.KID).build(), valid, TestPlatform.PLATFORM_KEY),
                        LaunchRule.ALGORITHM_NOT_ALLOWED),
                arguments("signed by another key under the right kid", (Supplier<String>) () -> TestPlatform.sign(
                        TestPlatform.rs256Header(TestPlatform.KID), valid, TestPlatform.IMPOSTOR_KEY), LaunchRule.SIGNATURE_INVALID),
                arguments("payload changed after signing", (Supplier<String>) IdTokenVerifierTest::tamperedToken,
                        LaunchRule.SIGNATURE_INVALID));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @MethodSource("badTokens")
    void rejectsBadTokens(String certificationCase, Supplier<String> token, LaunchRule expected) {
        assertEquals(expected, rejection(token.get()), certificationCase);
    }

    private static String hs256Token() {
        try {
            // The classic algorithm-confusion attack: HMAC keyed with bytes the attacker knows (the public key).
            byte[] secret = TestPlatform.PLATFORM_KEY.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TestPlatform.KID).build(),
                    new Payload(baseline()));
            jws.sign(new MACSigner(secret));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tamperedToken() {
        String[] parts = TestPlatform.sign(baseline()).split("\\.");
        Map<String, Object> elevated = with(c -> c.put(LtiClaim.ROLES, List.of(LisRole.ADMINISTRATOR)));
        String payload = new Payload(elevated).toBase64URL().toString();
        return parts[0] + "." + payload + "." + parts[2];
    }

    @Test
    @DisplayName("the platform's key set cannot be fetched -> PLATFORM_KEYS_UNAVAILABLE")
    void keySourceFailure() {
        JWKSource<SecurityContext> unreachable = (selector, context) -> {
            throw new KeySourceException("Couldn't retrieve JWK set from URL: connect timed out");
        };
        LaunchRejectedException e = assertThrows(LaunchRejectedException.class,
                () -> verifier.verify(TestPlatform.sign(baseline()), EXPECTED, unreachable));
        assertEquals(LaunchRule.PLATFORM_KEYS_UNAVAILABLE, e.rule());
        assertTrue(e.getCause() instanceof KeySourceException, "keeps the cause");
    }

    @Test
    @DisplayName("a rejection's message never contains the token itself")
    void rejectionDoesNotLeakTheToken() {
        String token = TestPlatform.sign(with(c -> c.put("nonce", "other")));
        LaunchRejectedException e = assertThrows(LaunchRejectedException.class,
                () -> verifier.verify(token, EXPECTED, TestPlatform.KEYS));
        assertFalse(e.getMessage().contains(token.split("\\.")[1]));
        assertFalse(e.getMessage().contains(NONCE), "the expected nonce is a secret of the login");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Clock skew: leeway and its boundaries
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("clock skew")
    class ClockSkew {

        @Test
        @DisplayName("iat within the leeway in the future is accepted")
        void iatSlightlyInTheFuture() throws Exception {
            LtiLaunch launch = verify(with(c -> {
                c.put("iat", NOW.plusSeconds(20).getEpochSecond());
                c.put("exp", NOW.plusSeconds(80).getEpochSecond());
            }));
            assertEquals(DEPLOYMENT, launch.deploymentId());
        }

        @Test
        @DisplayName("iat exactly at the leeway is accepted, one second more is rejected")
        void iatLeewayBoundary() throws Exception {
            long edge = NOW.plus(LEEWAY).getEpochSecond();
            verify(with(c -> {
                c.put("iat", edge);
                c.put("exp", edge + 60);
            }));
            assertEquals(LaunchRule.ISSUED_AT_OUT_OF_RANGE, rejection(TestPlatform.sign(with(c -> {
                c.put("iat", edge + 1);
                c.put("exp", edge + 61);
            }))));
        }

        @Test
        @DisplayName("exp passed but within the leeway is accepted, one second more is rejected")
        void expLeewayBoundary() throws Exception {
            long edge = NOW.minus(LEEWAY).getEpochSecond();
            verify(with(c -> {
                c.put("iat", edge - 60);
                c.put("exp", edge);
            }));
            assertEquals(LaunchRule.EXPIRED, rejection(TestPlatform.sign(with(c -> {
                c.put("iat", edge - 61);
                c.put("exp", edge - 1);
            }))));
        }

        @Test
        @DisplayName("iat as old as the login state lifetime is still accepted")
        void oldestAcceptedIat() throws Exception {
            verify(with(c -> {
                c.put("iat", NOW.minus(MAX_AGE).getEpochSecond());
                c.put("exp", NOW.plusSeconds(10).getEpochSecond());
            }));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // §6.1.2 / §6.1.3 Valid launches: accepted, and their values read correctly
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("valid launches (cert §6.1.2/§6.1.3)")
    class ValidLaunches {

        @Test
        @DisplayName("full launch (instructor): every value is read")
        void fullInstructorLaunch() throws Exception {
            LtiLaunch launch = verify(baseline());

            assertEquals(MessageType.RESOURCE_LINK, launch.messageType());
            assertEquals(ISSUER, launch.issuer());
            assertEquals(CLIENT_ID, launch.clientId());
            assertEquals(DEPLOYMENT, launch.deploymentId());
            assertEquals(Optional.of("lms-user-1001"), launch.subject());
            assertEquals(Optional.of("Ella Baker"), launch.name());
            assertEquals(Optional.of("Ella"), launch.givenName());
            assertEquals(Optional.of("Baker"), launch.familyName());
            assertEquals(Optional.of("ella.baker@example.edu"), launch.email());
            assertEquals(List.of(LisRole.INSTRUCTOR), launch.roles());
            assertEquals(CourseRole.INSTRUCTOR, CourseRole.fromLtiRoles(launch.roles()));
            assertEquals(Optional.of(new LtiLaunch.Context("ctx-77", "ORG101", "Organizing 101")), launch.context());
            assertEquals(Optional.of(new LtiLaunch.ResourceLink("rl-200", "Week 1: one-on-ones")), launch.resourceLink());
            assertEquals(TARGET, launch.targetLinkUri());
            assertEquals(Optional.of("es"), launch.locale());
            assertEquals(Optional.of("canvas"), launch.platformProduct());
            assertEquals(Map.of("section", "A", "canvas_course_id", "123"), launch.custom());
            assertEquals(Optional.empty(), launch.deepLinkingSettings());
            assertEquals("lms-user-1001", launch.claims().getSubject());
        }

        @Test
        @DisplayName("full launch (learner)")
        void fullLearnerLaunch() throws Exception {
            LtiLaunch launch = verify(with(c -> c.put(LtiClaim.ROLES, List.of(LisRole.LEARNER))));
            assertEquals(List.of(LisRole.LEARNER), launch.roles());
            assertEquals(CourseRole.LEARNER, CourseRole.fromLtiRoles(launch.roles()));
        }

        @Test
        @DisplayName("multiple roles: all kept, the most privileged course role wins")
        void multipleRoles() throws Exception {
            List<String> sent = List.of(
                    "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty",
                    LisRole.LEARNER,
                    LisRole.INSTRUCTOR,
                    LisRole.MENTOR);
            LtiLaunch launch = verify(with(c -> c.put(LtiClaim.ROLES, sent)));
            assertEquals(sent, launch.roles());
            assertEquals(CourseRole.INSTRUCTOR, CourseRole.fromLtiRoles(launch.roles()));
        }

        @Test
        @DisplayName("short role 'Instructor' is normalised to the full LIS URI")
        void shortInstructorRole() throws Exception {
            LtiLaunch launch = verify(with(c -> c.put(LtiClaim.ROLES, List.of(SHORT_INSTRUCTOR))));
            assertEquals(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"), launch.roles());
            assertEquals(CourseRole.INSTRUCTOR, CourseRole.fromLtiRoles(launch.roles()));
        }

        @Test
        @DisplayName("short role 'Learner' is normalised to the full LIS URI")
        void shortLearnerRole() throws Exception {
            LtiLaunch launch = verify(with(c -> c.put(LtiClaim.ROLES, List.of(SHORT_LEARNER))));
            assertEquals(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), launch.roles());
            assertEquals(CourseRole.LEARNER, CourseRole.fromLtiRoles(launch.roles()));
        }

        @Test
        @DisplayName("unknown role is kept as sent and gets the least privilege")
        void unknownRole() throws Exception {
            String unknown = "http://example.com/roles#ChiefOrganizer";
            LtiLaunch launch = verify(with(c -> c.put(LtiClaim.ROLES, List.of(unknown))));
            assertEquals(List.of(unknown), launch.roles());
            assertEquals(CourseRole.LEARNER, CourseRole.fromLtiRoles(launch.roles()));
        }

        @Test
        @DisplayName("no role ([]) is accepted and gets the least privilege")
        void noRole() throws Exception {
            LtiLaunch launch = verify(with(c -> c.put(LtiClaim.ROLES, List.of())));
            assertEquals(List.of(), launch.roles());
            assertEquals(CourseRole.LEARNER, CourseRole.fromLtiRoles(launch.roles()));
        }

        @Test
        @DisplayName("email only: no names")
        void emailOnly() throws Exception {
            LtiLaunch launch = verify(with(c -> {
                removePii(c);
                c.put("email", "organizer@example.edu");
            }));
            assertEquals(Optional.of("lms-user-1001"), launch.subject());
            assertEquals(Optional.of("organizer@example.edu"), launch.email());
            assertEquals(Optional.empty(), launch.name());
            assertEquals(Optional.empty(), launch.givenName());
            assertEquals(Optional.empty(), launch.familyName());
        }

        @Test
        @DisplayName("names only: given and family name make the display name")
        void namesOnly() throws Exception {
            LtiLaunch launch = verify(with(c -> {
                removePii(c);
                c.put("given_name", "Bayard");
                c.put("family_name", "Rustin");
            }));
            assertEquals(Optional.of("Bayard Rustin"), launch.name());
            assertEquals(Optional.of("Bayard"), launch.givenName());
            assertEquals(Optional.of("Rustin"), launch.familyName());
            assertEquals(Optional.empty(), launch.email());
        }

        @Test
        @DisplayName("only a given name: the display name is that name, without a trailing space")
        void givenNameOnly() throws Exception {
            LtiLaunch launch = verify(with(c -> {
                removePii(c);
                c.put("given_name", "Fannie");
            }));
            assertEquals(Optional.of("Fannie"), launch.name());
        }

        @Test
        @DisplayName("no PII (anonymous): no sub, no name, no email")
        void noPii() throws Exception {
            LtiLaunch launch = verify(with(c -> {
                removePii(c);
                c.remove("sub");
            }));
            assertEquals(Optional.empty(), launch.subject());
            assertEquals(Optional.empty(), launch.name());
            assertEquals(Optional.empty(), launch.email());
            assertEquals(CourseRole.INSTRUCTOR, CourseRole.fromLtiRoles(launch.roles()));
            assertTrue(launch.context().isPresent(), "the course is still known");
        }

        @Test
        @DisplayName("anonymous launch with a blank sub: subject() is empty like an absent sub")
        void blankSubIsAnonymous() throws Exception {
            LtiLaunch launch = verify(with(c -> {
                removePii(c);
                c.put("sub", "");
            }));
            assertEquals(Optional.empty(), launch.subject());
        }

        @Test
        @DisplayName("email without context: context() is empty")
        void emailWithoutContext() throws Exception {
            LtiLaunch launch = verify(with(c -> {
                removePii(c);
                c.put("email", "organizer@example.edu");
                c.remove(LtiClaim.CONTEXT);
            }));
            assertEquals(Optional.empty(), launch.context());
            assertEquals(Optional.of("organizer@example.edu"), launch.email());
            assertEquals(Optional.of(new LtiLaunch.ResourceLink("rl-200", "Week 1: one-on-ones")), launch.resourceLink());
        }

        @Test
        @DisplayName("learner with only a resource link: only the required claims")
        void learnerWithOnlyResourceLink() throws Exception {
            Map<String, Object> minimal = with(c -> {
                removePii(c);
                c.remove(LtiClaim.CONTEXT);
                c.remove(LtiClaim.LAUNCH_PRESENTATION);
                c.remove(LtiClaim.TOOL_PLATFORM);
                c.remove(LtiClaim.CUSTOM);
                c.put(LtiClaim.ROLES, List.of(LisRole.LEARNER));
                c.put(LtiClaim.RESOURCE_LINK, map("id", "rl-9"));
            });
            LtiLaunch launch = verify(minimal);
            assertEquals(Optional.of(new LtiLaunch.ResourceLink("rl-9", null)), launch.resourceLink());
            assertEquals(Optional.of("lms-user-1001"), launch.subject());
            assertEquals(CourseRole.LEARNER, CourseRole.fromLtiRoles(launch.roles()));
            assertEquals(Optional.empty(), launch.context());
            assertEquals(Optional.empty(), launch.locale());
            assertEquals(Optional.empty(), launch.platformProduct());
            assertEquals(Map.of(), launch.custom());
            assertEquals(Optional.empty(), launch.name());
        }

        @Test
        @DisplayName("aud as a one-element list and a matching azp are accepted")
        void audienceListWithAzp() throws Exception {
            LtiLaunch launch = verify(with(c -> {
                c.put("aud", List.of(CLIENT_ID));
                c.put("azp", CLIENT_ID);
            }));
            assertEquals(CLIENT_ID, launch.clientId());
        }

        @Test
        @DisplayName("a login that named no deployment accepts the launch's deployment_id")
        void loginWithoutDeployment() throws Exception {
            ExpectedLaunch noDeployment = new ExpectedLaunch(ISSUER, CLIENT_ID, NONCE, null, TARGET);
            LtiLaunch launch = verifier.verify(TestPlatform.sign(with(c -> c.put(LtiClaim.DEPLOYMENT_ID, "sub-account-9"))),
                    noDeployment, TestPlatform.KEYS);
            assertEquals("sub-account-9", launch.deploymentId());
        }

        @Test
        @DisplayName("a deployment_id of exactly 255 ASCII characters is accepted")
        void longestDeploymentId() throws Exception {
            String id = "d".repeat(255);
            ExpectedLaunch expected = new ExpectedLaunch(ISSUER, CLIENT_ID, NONCE, id, TARGET);
            LtiLaunch launch = verifier.verify(TestPlatform.sign(with(c -> c.put(LtiClaim.DEPLOYMENT_ID, id))),
                    expected, TestPlatform.KEYS);
            assertEquals(id, launch.deploymentId());
        }

        @Test
        @DisplayName("deep linking request: settings are read; no resource link or target_link_uri needed")
        void deepLinkingRequest() throws Exception {
            LtiLaunch launch = verify(with(c -> {
                c.put(LtiClaim.MESSAGE_TYPE, "LtiDeepLinkingRequest");
                c.remove(LtiClaim.RESOURCE_LINK);
                c.remove(LtiClaim.TARGET_LINK_URI);
                c.put(LtiClaim.DEEP_LINKING_SETTINGS, map(
                        "deep_link_return_url", "https://lms.example.edu/dl/return?x=1",
                        "accept_types", List.of("ltiResourceLink", "link"),
                        "accept_multiple", false,
                        "data", "opaque-platform-data"));
            }));
            assertEquals(MessageType.DEEP_LINKING, launch.messageType());
            assertEquals(Optional.of(new LtiLaunch.DeepLinkingSettings("https://lms.example.edu/dl/return?x=1",
                    "opaque-platform-data", List.of("ltiResourceLink", "link"), false)), launch.deepLinkingSettings());
            assertEquals(Optional.empty(), launch.resourceLink());
            assertNull(launch.targetLinkUri());
        }

        @Test
        @DisplayName("submission review with for_user is accepted")
        void submissionReview() throws Exception {
            LtiLaunch launch = verify(with(c -> {
                c.put(LtiClaim.MESSAGE_TYPE, "LtiSubmissionReviewRequest");
                c.put(LtiClaim.FOR_USER, map("user_id", "lms-user-2002"));
            }));
            assertEquals(MessageType.SUBMISSION_REVIEW, launch.messageType());
        }

        @Test
        @DisplayName("an empty custom claim and a blank locale read as absent")
        void blankOptionalValues() throws Exception {
            LtiLaunch launch = verify(with(c -> {
                c.put(LtiClaim.LAUNCH_PRESENTATION, map("locale", " "));
                c.put(LtiClaim.CONTEXT, map("id", "ctx-1", "label", "", "title", "Course"));
                c.put("name", " ");
            }));
            assertEquals(Optional.empty(), launch.locale());
            assertEquals(Optional.of(new LtiLaunch.Context("ctx-1", null, "Course")), launch.context());
            assertEquals(Optional.of("Ella Baker"), launch.name(), "a blank name falls back to given + family name");
        }
    }

    @Test
    @DisplayName("roles() drops empty entries and trims whitespace around short names")
    void rolesNormalisation() throws Exception {
        List<String> sent = new ArrayList<>(List.of(" Learner ", "", "TeachingAssistant"));
        LtiLaunch launch = verify(with(c -> c.put(LtiClaim.ROLES, sent)));
        assertEquals(List.of(LisRole.LEARNER, LisRole.TEACHING_ASSISTANT), launch.roles());
        assertEquals(CourseRole.TEACHING_ASSISTANT, CourseRole.fromLtiRoles(launch.roles()));
    }

    @Test
    @DisplayName("sameSecret compares by value and never matches null")
    void sameSecret() {
        assertTrue(IdTokenVerifier.sameSecret("abc", new String("abc")));
        assertFalse(IdTokenVerifier.sameSecret("abc", "abd"));
        assertFalse(IdTokenVerifier.sameSecret(null, null));
        assertFalse(IdTokenVerifier.sameSecret("abc", null));
    }
}
