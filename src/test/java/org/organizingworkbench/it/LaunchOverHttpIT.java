package org.organizingworkbench.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole launch over HTTP against the deployed WAR on Payara Micro and a real MariaDB: the emulator's OIDC flow
 * for each role, sessions and their scope, every way a launch is refused, Platform Storage, real Moodle 4.3
 * payloads through a registered platform, pending deployments and the admin page.
 */
@ExtendWith(SharedTool.class)
class LaunchOverHttpIT {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port");
    private static final String EMULATOR = "http://localhost:" + System.getProperty("it.http.port");
    private static final String ADMIN_SECRET = "it-admin-secret-for-tests";
    private static final String MOODLE_ISS = "http://127.0.0.1:8081";
    private static final String MOODLE_CLIENT = "harness-tool-client";
    private static TestPlatformServer moodle;


    @BeforeAll
    static void startTestPlatform() throws Exception {
        moodle = new TestPlatformServer();
    }

    @AfterAll
    static void stopTestPlatform() {
        moodle.close();
    }

    // --- The emulator: the full OIDC flow for each role -------------------------------------------------------

    @Test
    void emulatorPageOffersALaunchForEveryMemberOfTheDemoCourse() throws Exception {
        HttpResponse<String> page = new Browser().get(EMULATOR + "/emulator");
        assertEquals(200, page.statusCode());
        assertEquals(14 + 1, count(page.body(), "class=\"launch-form\""),
                "14 members (Moodle's course has a non-editing teacher) and one deep-linking launch");
        assertTrue(page.body().contains("action=\"" + BASE + "/lti/login\""));
        assertTrue(page.body().contains("Organizing: People, Power and Change"));
    }

    @Test
    void eachRoleLandsOnItsHomePageWithNameCourseAndRole() throws Exception {
        assertHome(launchAs(new Browser(), "demo-instructor-1"), "Marta Alvarez", "INSTRUCTOR");
        assertHome(launchAs(new Browser(), "demo-ta-1"), "Jordan Lee", "TEACHING_ASSISTANT");
        HttpResponse<String> student = launchAs(new Browser(), "demo-student-1");
        assertHome(student, "Amara Okafor", "LEARNER");
        assertTrue(student.body().contains("Curriculum: Organizing: people, power and change (version 1)"),
                "the course is pinned to the stored default curriculum");
        assertEquals(10, count(student.body(), "data-module=\""), "modules 0 to 9");
        assertTrue(student.body().contains("Building relationships"));
    }

    @Test
    void theLaunchLocalePicksTheLanguageOfThePage() throws Exception {
        String spanish = launchAs(new Browser(), "demo-student-2").body();
        assertTrue(spanish.contains("<html lang=\"es\""), "a student whose LMS speaks Spanish gets Spanish");
        assertTrue(spanish.contains("Estudiante"));
        assertTrue(spanish.contains("Construir relaciones"), "the curriculum speaks the student's language too");
        String english = launchAs(new Browser(), "demo-student-3").body();
        assertTrue(english.contains("<html lang=\"en\""));
    }

    @Test
    void theSessionTokenAuthorisesEachRequestByRoleAndCourse() throws Exception {
        launchAs(new Browser(), "demo-student-4");
        String instructorToken = sessionToken(launchAs(new Browser(), "demo-instructor-1").body());
        String fellowToken = sessionToken(launchAs(new Browser(), "demo-ta-2").body());
        String studentToken = sessionToken(launchAs(new Browser(), "demo-student-5").body());
        Browser browser = new Browser();

        HttpResponse<String> roster = browser.get(BASE + "/app/roster", "Authorization", "Bearer " + instructorToken);
        assertEquals(200, roster.statusCode());
        assertTrue(roster.body().contains("Kwame Mensah"), "the instructor sees every member who launched");
        HttpResponse<String> fellowView = browser.get(BASE + "/app/roster", "Authorization", "Bearer " + fellowToken);
        assertEquals(200, fellowView.statusCode());
        assertFalse(fellowView.body().contains("Kwame Mensah"), "a Teaching Fellow sees only their own sections");
        assertEquals(403, browser.get(BASE + "/app/roster", "Authorization", "Bearer " + studentToken).statusCode());
        assertEquals(401, browser.get(BASE + "/app/roster").statusCode());
        String forged = instructorToken.substring(0, instructorToken.length() - 4) + "AAAA";
        assertEquals(401, browser.get(BASE + "/app/roster", "Authorization", "Bearer " + forged).statusCode());
        assertEquals(200, browser.get(BASE + "/app/home", "Authorization", "Bearer " + studentToken).statusCode());
    }

    // --- Refused launches: a page that names the rule, nothing leaks ----------------------------------------

    @Test
    void aReplayedLaunchIsRefused() throws Exception {
        Browser browser = new Browser();
        Map<String, String> answer = platformAnswer(browser, "demo-student-6");
        assertEquals(200, browser.post(BASE + "/lti/launch", answer).statusCode());
        HttpResponse<String> replay = browser.post(BASE + "/lti/launch", answer);
        assertRefused(replay, 401, "STATE_UNKNOWN");
    }

    @Test
    void aTamperedTokenIsRefusedAndThePageNamesTheRule() throws Exception {
        Browser browser = new Browser();
        Map<String, String> answer = new HashMap<>(platformAnswer(browser, "demo-student-7"));
        String[] parts = answer.get("id_token").split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("Rosa", "Eve");
        parts[1] = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        answer.put("id_token", String.join(".", parts));
        HttpResponse<String> refused = browser.post(BASE + "/lti/launch", answer);
        assertRefused(refused, 401, "SIGNATURE_INVALID");
        assertFalse(refused.body().contains(parts[1]), "the page never shows the token");
    }

    @Test
    void withoutTheBindingCookieOrStorageTheLaunchOffersANewWindow() throws Exception {
        Browser browser = new Browser();
        Map<String, String> answer = platformAnswer(browser, "demo-student-8");
        browser.forgetCookies(); // what Safari does to a third-party cookie
        HttpResponse<String> refused = browser.post(BASE + "/lti/launch", answer);
        assertRefused(refused, 401, "STATE_NOT_BOUND");
        assertTrue(refused.body().contains("target=\"_blank\""));
        assertTrue(refused.body().contains("value=\"demo-student-8\""), "the new window repeats the same login");
    }

    @Test
    void platformStorageBindsTheLaunchWithoutAnyCookie() throws Exception {
        Browser browser = new Browser();
        browser.keepsCookies = false;
        Map<String, String> login = emulatorLogin("demo-student-9");
        login.put("lti_storage_target", "_parent");
        HttpResponse<String> storagePage = browser.post(BASE + "/lti/login", login);
        assertEquals(200, storagePage.statusCode());
        String value = Browser.attribute(storagePage.body(), "data-value");
        String next = Browser.attribute(storagePage.body(), "data-next");
        assertEquals(EMULATOR, Browser.attribute(storagePage.body(), "data-origin"));
        Map<String, String> answer = Browser.formFields(browser.get(next).body());

        HttpResponse<String> readStorage = browser.post(BASE + "/lti/launch", answer);
        assertEquals("get", Browser.attribute(readStorage.body(), "data-mode"), "the tool asks the page to read storage");

        Map<String, String> wrong = new HashMap<>(answer);
        wrong.put("ow_storage_value", "not-the-binding");
        wrong.put("ow_storage_tried", "1");
        assertRefused(browser.post(BASE + "/lti/launch", wrong), 401, "STATE_NOT_BOUND");

        Map<String, String> right = new HashMap<>(answer);
        right.put("ow_storage_value", value);
        right.put("ow_storage_tried", "1");
        assertHome(browser.post(BASE + "/lti/launch", right), "Tomás Silva", "LEARNER");
    }

    @Test
    void aLoginFromAnUnknownPlatformGetsAClearPage() throws Exception {
        Map<String, String> login = emulatorLogin("demo-student-1");
        login.put("iss", "https://unknown.example.edu");
        assertRefused(new Browser().post(BASE + "/lti/login", login), 403, "PLATFORM_UNKNOWN");
        Map<String, String> incomplete = emulatorLogin("demo-student-1");
        incomplete.remove("login_hint");
        assertRefused(new Browser().post(BASE + "/lti/login", incomplete), 400, "LOGIN_PARAMETERS");
    }

    // --- Real Moodle 4.3 payloads through a registered platform ----------------------------------------------

    @Test
    void moodlePayloadsLaunchThroughARegisteredMoodle() throws Exception {
        registerMoodle("1");
        assertHome(moodleLaunch("launch-student1.json", "1", 0), "Sofia Student", "LEARNER");
        // Moodle sends a non-editing teacher as Instructor: the launch role is kept (docs/registering-moodle.md).
        assertHome(moodleLaunch("launch-ta1.json", "1", 0), "Tomas Assistant", "INSTRUCTOR");
        String body = moodleLaunch("launch-student1.json", "1", 0).body();
        assertTrue(body.contains("LTI 1.3 Harness Course"));
    }

    @Test
    void anExpiredMoodleTokenIsRefused() throws Exception {
        registerMoodle("1");
        assertRefused(moodleLaunch("launch-student1.json", "1", -600), 401, "EXPIRED");
    }

    @Test
    void anUnknownDeploymentWaitsForTheAdminAndThenLaunches() throws Exception {
        registerMoodle("1");
        assertRefused(moodleLaunch("launch-student1.json", "77", 0), 403, "DEPLOYMENT_PENDING");
        Browser admin = new Browser();
        String token = adminToken(admin);
        String dashboard = admin.get(BASE + "/admin/dashboard", "Authorization", "Bearer " + token).body();
        Matcher approve = Pattern.compile("data-deployment=\"77\">.*?hx-post=\"(/admin/deployments/\\d+/approve)\"",
                Pattern.DOTALL).matcher(dashboard);
        assertTrue(approve.find(), "the pending deployment is listed with an Approve button");
        assertEquals(200, admin.post(BASE + approve.group(1), Map.of(), "Authorization", "Bearer " + token).statusCode());
        assertHome(moodleLaunch("launch-student1.json", "77", 0), "Sofia Student", "LEARNER");
    }

    // --- The roster from the LMS (Names and Role Provisioning) ----------------------------------------------

    @Test
    void anInstructorUpdatesTheRosterFromTheLmsAcrossPages() throws Exception {
        String instructor = sessionToken(launchAs(new Browser(), "demo-instructor-1").body());
        String student = sessionToken(launchAs(new Browser(), "demo-student-1").body());
        Browser browser = new Browser();
        assertEquals(403, browser.post(BASE + "/app/roster/sync", Map.of(), "Authorization", "Bearer " + student).statusCode());
        String synced = RosterSyncing.syncAndWait(instructor);
        assertTrue(synced.contains("The LMS lists 14 members"), "all three pages of the emulator's roster");
        assertTrue(synced.contains("Zainab Hassan"), "a student who never launched is on the roster");
        // Moodle's Names and Roles lists its non-editing teacher as Learner: a student to the tool until she launches
        // (as Instructor) or an instructor marks her staff.
        assertTrue(synced.contains("11 students, 2 Teaching Fellows, one instructor"), synced);
        assertEquals(403, browser.get(BASE + "/app/roster/sync/progress", "Authorization", "Bearer " + student).statusCode());
    }

    @Test
    void aLargeRosterSyncRunsInTheBackgroundShowingPagesAndMembersOnceAtATime() throws Exception {
        String instructor = sessionToken(launchAs(new Browser(), "bench-r1500-instructor").body());
        Browser browser = new Browser();
        HttpResponse<String> started = browser.post(BASE + "/app/roster/sync", Map.of(), "Authorization", "Bearer " + instructor);
        assertEquals(200, started.statusCode(), started.body());
        assertTrue(started.body().contains("id=\"roster-sync-progress\""), started.body());
        assertTrue(started.body().contains("hx-trigger=\"every 1s\""), "the fragment polls until the sync is done");
        assertTrue(started.body().contains("disabled"), "the button waits for the running sync");
        HttpResponse<String> again = browser.post(BASE + "/app/roster/sync", Map.of(), "Authorization", "Bearer " + instructor);
        assertTrue(again.body().contains("roster-sync-progress"), "a second click joins the running sync");
        List<String> progress = new java.util.ArrayList<>();
        String done = null;
        for (int i = 0; i < 600 && done == null; i++) {
            HttpResponse<String> poll = browser.get(BASE + "/app/roster/sync/progress", "Authorization", "Bearer " + instructor);
            assertEquals(200, poll.statusCode());
            if (poll.headers().firstValue("HX-Retarget").isPresent()) {
                done = poll.body();
            } else {
                progress.add(Browser.unescape(poll.body()));
                Thread.sleep(100);
            }
        }
        assertNotNull(done, "the sync ended");
        assertTrue(done.contains("The LMS lists 1,501 members"), done);
        assertTrue(progress.stream().anyMatch(p -> p.matches("(?s).*\\d+ pages read, [\\d,]+ members so far.*")),
                "progress was shown while the sync ran: " + progress.stream().limit(3).toList());
        assertEquals(1, count(RosterSyncing.syncAndWait(instructor), "The LMS lists 1,501 members"),
                "the sync after it runs again and lists the same members");
    }

    @Test
    void aRosterSyncThatTheLmsFailsSaysSoAndTheNextOneWorks() throws Exception {
        String instructor = sessionToken(launchAs(new Browser(), "demo-instructor-1").body());
        Browser browser = new Browser();
        HttpResponse<String> fault = browser.post(EMULATOR + "/emulator/faults",
                Map.of("service", "nrps", "fault", "fail", "requests", "1"));
        assertEquals(200, fault.statusCode(), fault.body());
        String failed = RosterSyncing.syncAndWait(instructor);
        assertTrue(failed.contains("The LMS did not give the roster (HTTP 500"), failed);
        String recovered = RosterSyncing.syncAndWait(instructor);
        assertTrue(recovered.contains("The LMS lists 14 members"), recovered);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMoodleRosterKeepsTheRoleANonEditingTeacherLaunchedWith() throws Exception {
        registerMoodle("1");
        Map<String, Object> nrps = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                fixture("launch-student1.json").get("services")).get("nrps")).get("body");
        moodle.roster(JSONObjectUtils.toJSONString(nrps));
        String teacher = sessionToken(moodleLaunch("launch-ta1.json", "1", 0).body()); // Instructor in the launch
        int tokensBefore = moodle.tokenRequests;
        String body = RosterSyncing.syncAndWait(teacher);
        assertTrue(body.contains("The LMS lists 4 members"), body);
        assertTrue(Pattern.compile("Tomas Assistant</td>\\s*<td>Instructor").matcher(body).find(),
                "NRPS says Learner, the launch said Instructor: the launch wins");
        assertTrue(Pattern.compile("Samir Student</td>\\s*<td>Student").matcher(body).find(), "a member who never launched");
        assertTrue(moodle.tokenRequests <= tokensBefore + 1, "one access token for the whole sync");
    }

    // --- Roles the tool owns; the role is read from the database on every request --------------------------

    private static final String ROLES_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/roles";
    private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

    @Test
    void aDemotedInstructorsNextRequestIsRefusedAndARemovedMemberGetsTheRefusalPage() throws Exception {
        registerMoodle("2");
        String asInstructor = sessionToken(moodleLaunch("launch-ta1.json", "2", 0).body());
        Browser tab = new Browser();
        assertEquals(200, tab.get(BASE + "/app/learners", "Authorization", "Bearer " + asInstructor).statusCode());

        // The LMS now launches the same person as a student; the first tab's token still says Instructor.
        assertHome(moodleLaunch("launch-ta1.json", "2", 0, Map.of(ROLES_CLAIM, List.of(LIS + "Learner"))),
                "Tomas Assistant", "LEARNER");
        assertEquals(404, tab.get(BASE + "/app/learners", "Authorization", "Bearer " + asInstructor).statusCode(),
                "staff rights end at the next request");
        assertEquals(403, tab.get(BASE + "/app/roster", "Authorization", "Bearer " + asInstructor).statusCode());

        // The roster no longer lists Sofia: her open tab gets the refusal page at her next click.
        String sofia = sessionToken(moodleLaunch("launch-student1.json", "2", 0).body());
        assertEquals(200, tab.get(BASE + "/app/home", "Authorization", "Bearer " + sofia).statusCode());
        String ingrid = sessionToken(moodleLaunch("launch-ta1.json", "2", 0, Map.of("sub", "3", "name", "Ingrid Instructor",
                "given_name", "Ingrid", "family_name", "Instructor")).body());
        moodle.roster(rosterWithout("Sofia Student"));
        RosterSyncing.syncAndWait(ingrid);
        HttpResponse<String> refused = tab.get(BASE + "/app/home", "Authorization", "Bearer " + sofia);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("data-refusal=\"notMember\""), refused.body());
    }

    @Test
    void aFellowChosenInTheToolKeepsTheRoleThroughARelaunchAsInstructorAndARosterSyncAsLearner() throws Exception {
        registerMoodle("3");
        String ingrid = sessionToken(moodleLaunch("launch-ta1.json", "3", 0, Map.of("sub", "3", "name", "Ingrid Instructor",
                "given_name", "Ingrid", "family_name", "Instructor")).body());
        assertHome(moodleLaunch("launch-ta1.json", "3", 0), "Tomas Assistant", "INSTRUCTOR"); // a non-editing teacher
        Browser instructor = new Browser();
        String people = instructor.get(BASE + "/app/people", "Authorization", "Bearer " + ingrid).body();
        long tomas = memberIdOf(people, "Tomas Assistant");
        HttpResponse<String> chosen = instructor.post(BASE + "/app/people/" + tomas + "/role",
                Map.of("role", "TEACHING_ASSISTANT"), "Authorization", "Bearer " + ingrid);
        assertEquals(200, chosen.statusCode(), chosen.body());
        assertTrue(Pattern.compile("Tomas Assistant</th>\\s*<td[^>]*>\\s*<span>Teaching Fellow</span>").matcher(chosen.body()).find(),
                chosen.body());

        String tomasToken = sessionToken(moodleLaunch("launch-ta1.json", "3", 0).body());
        assertHome(moodleLaunch("launch-ta1.json", "3", 0), "Tomas Assistant", "TEACHING_ASSISTANT");
        moodle.roster(rosterWithout("nobody"));
        RosterSyncing.syncAndWait(ingrid);
        people = instructor.get(BASE + "/app/people", "Authorization", "Bearer " + ingrid).body();
        assertTrue(Pattern.compile("Tomas Assistant</th>\\s*<td[^>]*>\\s*<span>Teaching Fellow</span>").matcher(people).find(),
                "the roster lists him as Learner, the instructor's choice stays");
        assertTrue(Pattern.compile("Samir Student</th>\\s*<td[^>]*>\\s*<span>Student</span>").matcher(people).find(), people);
        assertEquals(403, instructor.get(BASE + "/app/people", "Authorization", "Bearer " + tomasToken).statusCode(),
                "only instructors choose roles");

        HttpResponse<String> undone = instructor.post(BASE + "/app/people/" + tomas + "/role", Map.of("role", "LMS"),
                "Authorization", "Bearer " + ingrid);
        assertTrue(Pattern.compile("Tomas Assistant</th>\\s*<td[^>]*>\\s*<span>Instructor</span>").matcher(undone.body()).find(),
                "back to what his launch said");
        HttpResponse<String> own = instructor.post(BASE + "/app/people/" + memberIdOf(people, "Ingrid Instructor") + "/role",
                Map.of("role", "LEARNER"), "Authorization", "Bearer " + ingrid);
        assertEquals(422, own.statusCode(), "an instructor does not change their own role");
    }

    @SuppressWarnings("unchecked")
    private static String rosterWithout(String name) throws Exception {
        Map<String, Object> nrps = new LinkedHashMap<>((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                fixture("launch-student1.json").get("services")).get("nrps")).get("body"));
        nrps.put("members", ((List<Map<String, Object>>) nrps.get("members")).stream()
                .filter(m -> !name.equals(m.get("name"))).toList());
        return JSONObjectUtils.toJSONString(nrps);
    }

    private static long memberIdOf(String peoplePage, String name) {
        Matcher m = Pattern.compile("data-member=\"(\\d+)\">\\s*<th scope=\"row\">" + Pattern.quote(name)).matcher(peoplePage);
        assertTrue(m.find(), name + " is listed: " + peoplePage);
        return Long.parseLong(m.group(1));
    }

    // --- Admin, keys and configuration ----------------------------------------------------------------------

    @Test
    void theAdminPageRefusesAWrongSecretAndExplainsAnInvalidRegistration() throws Exception {
        Browser admin = new Browser();
        assertEquals(401, admin.post(BASE + "/admin/session", Map.of("secret", "guess")).statusCode());
        String token = adminToken(admin);
        assertEquals(401, admin.post(BASE + "/admin/platforms", Map.of("name", "x")).statusCode(), "no token, no admin");
        Map<String, String> invalid = new LinkedHashMap<>(moodleRegistration("1"));
        invalid.put("jwksUrl", "not a url");
        HttpResponse<String> refused = admin.post(BASE + "/admin/platforms", invalid, "Authorization", "Bearer " + token);
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("id=\"f-jwksUrl\""));
        assertTrue(Pattern.compile("id=\"f-jwksUrl\"[^>]*aria-invalid=\"true\"").matcher(refused.body()).find());
        assertTrue(refused.body().contains("value=\"" + MOODLE_CLIENT + "\""), "what the admin typed is kept");
    }

    @Test
    void platformsDeclaredInTheFileAreRegisteredAtStartUpAndBadEntriesSkipped() throws Exception {
        Browser admin = new Browser();
        String dashboard = admin.get(BASE + "/admin/dashboard", "Authorization", "Bearer " + adminToken(admin)).body();
        assertTrue(dashboard.contains("Declared Moodle (platforms file)"));
        assertTrue(dashboard.contains("data-deployment=\"3\"") && dashboard.contains("data-deployment=\"4\""));
        assertFalse(dashboard.contains("Broken entry"), "an invalid entry is skipped (and logged), not half-stored");
    }

    @Test
    void rotatingTheSigningKeyPromotesThePublishedNextKey() throws Exception {
        Browser admin = new Browser();
        String token = adminToken(admin);
        List<String> before = kids(admin.get(BASE + "/.well-known/jwks.json").body());
        HttpResponse<String> rotated = admin.post(BASE + "/admin/keys/rotate", Map.of(), "Authorization", "Bearer " + token);
        assertEquals(200, rotated.statusCode());
        List<String> after = kids(admin.get(BASE + "/.well-known/jwks.json").body());
        assertEquals(2, after.size(), "current and next are published");
        assertTrue(before.contains(after.get(0)) ^ before.contains(after.get(1)),
                "one key carries over (the former next, now current), one is new (the next next)");
        String current = after.stream().filter(before::contains).findFirst().orElseThrow();
        assertTrue(rotated.body().contains(current), "the admin page names the key now in use");
        assertEquals(401, admin.post(BASE + "/admin/keys/rotate", Map.of()).statusCode(), "no token, no rotation");
    }

    @Test
    void theToolPublishesItsCurrentAndNextKeysAndItsCanvasConfiguration() throws Exception {
        Browser browser = new Browser();
        Map<String, Object> jwks = JSONObjectUtils.parse(browser.get(BASE + "/.well-known/jwks.json").body());
        assertEquals(2, JSONObjectUtils.getJSONArray(jwks, "keys").size());
        assertFalse(jwks.toString().contains("\"d\""), "no private key material");
        Map<String, Object> canvas = JSONObjectUtils.parse(browser.get(BASE + "/lti-config/canvas.json").body());
        assertEquals(BASE + "/lti/login", canvas.get("oidc_initiation_url"));
        assertEquals(BASE + "/.well-known/jwks.json", canvas.get("public_jwk_url"));
    }

    @Test
    void theEmulatorsServicesRefuseCallersWithoutAToolSignedToken() throws Exception {
        Browser browser = new Browser();
        assertEquals(401, browser.get(EMULATOR + "/emulator/nrps/demo-course-1").statusCode());
        assertEquals(401, browser.get(EMULATOR + "/emulator/ags/demo-course-1/lineitems").statusCode());
        long now = Instant.now().getEpochSecond();
        String notTheTool = moodle.sign(Map.of("iss", "workbench-emulator", "sub", "workbench-emulator",
                "aud", EMULATOR + "/emulator/token", "iat", now, "exp", now + 60, "jti", "it-" + now));
        HttpResponse<String> token = browser.post(EMULATOR + "/emulator/token", Map.of(
                "grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", notTheTool,
                "scope", "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"));
        assertEquals(400, token.statusCode());
        assertTrue(token.body().contains("invalid_client"), token.body());
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static Map<String, String> emulatorLogin(String user) {
        return EmulatorLaunch.login(user, "resource-link");
    }

    private static Map<String, String> platformAnswer(Browser browser, String user) throws Exception {
        return EmulatorLaunch.platformAnswer(browser, user, "resource-link");
    }

    private static HttpResponse<String> launchAs(Browser browser, String user) throws Exception {
        return EmulatorLaunch.launch(browser, user, "resource-link");
    }

    private static Map<String, String> moodleRegistration(String deploymentId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Moodle 4.3 harness");
        form.put("issuer", MOODLE_ISS);
        form.put("clientId", MOODLE_CLIENT);
        form.put("authUrl", MOODLE_ISS + "/mod/lti/auth.php");
        form.put("tokenUrl", moodle.url("/token"));
        form.put("jwksUrl", moodle.url("/jwks"));
        form.put("deploymentIds", deploymentId);
        return form;
    }

    private static void registerMoodle(String deploymentId) throws Exception {
        Browser admin = new Browser();
        String token = adminToken(admin);
        HttpResponse<String> saved = admin.post(BASE + "/admin/platforms", moodleRegistration(deploymentId),
                "Authorization", "Bearer " + token);
        assertEquals(200, saved.statusCode(), saved.body());
    }

    /**
     * Moodle's login for the fixture (login-initiation.json, pointed at this tool), then the fixture's id_token
     * claims with the nonce Moodle would have echoed, signed by the test platform's key.
     */
    @SuppressWarnings("unchecked")
    private static HttpResponse<String> moodleLaunch(String fixture, String deploymentId, long ageSeconds) throws Exception {
        return moodleLaunch(fixture, deploymentId, ageSeconds, Map.of());
    }

    /** As {@link #moodleLaunch(String, String, long)}, with some of the fixture's claims replaced. */
    @SuppressWarnings("unchecked")
    private static HttpResponse<String> moodleLaunch(String fixture, String deploymentId, long ageSeconds,
                                                     Map<String, Object> replaced) throws Exception {
        Map<String, Object> login = fixture("login-initiation.json");
        Map<String, Object> launch = fixture(fixture);
        Map<String, Object> claims = new LinkedHashMap<>((Map<String, Object>) launch.get("claims"));
        claims.putAll(replaced);
        Browser browser = new Browser();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("iss", (String) login.get("iss"));
        form.put("login_hint", String.valueOf(claims.get("sub")));
        form.put("target_link_uri", BASE + "/");
        form.put("client_id", (String) login.get("client_id"));
        form.put("lti_deployment_id", deploymentId);
        form.put("lti_message_hint", (String) login.get("lti_message_hint"));
        HttpResponse<String> started = browser.post(BASE + "/lti/login", form);
        assertEquals(303, started.statusCode(), started.body());
        Map<String, String> auth = Browser.query(URI.create(started.headers().firstValue("Location").orElseThrow()));
        assertEquals(MOODLE_ISS + "/mod/lti/auth.php", started.headers().firstValue("Location").orElseThrow().split("\\?")[0]);
        long now = Instant.now().getEpochSecond() + ageSeconds;
        claims.put("nonce", auth.get("nonce"));
        claims.put("iat", now);
        claims.put("exp", now + 60); // Moodle 4.3 gives id_tokens 60 seconds
        claims.put("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", BASE + "/");
        claims.put("https://purl.imsglobal.org/spec/lti/claim/deployment_id", deploymentId);
        claims.put("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
                Map.of("context_memberships_url", moodle.url("/nrps"), "service_versions", List.of("2.0")));
        return browser.post(BASE + "/lti/launch", Map.of("id_token", moodle.sign(claims), "state", auth.get("state")));
    }

    private static Map<String, Object> fixture(String name) throws Exception {
        try (InputStream in = LaunchOverHttpIT.class.getResourceAsStream("/fixtures/moodle-4.3/" + name)) {
            assertNotNull(in, name);
            return JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String adminToken(Browser admin) throws IOException, InterruptedException {
        HttpResponse<String> signedIn = admin.post(BASE + "/admin/session", Map.of("secret", ADMIN_SECRET));
        assertEquals(200, signedIn.statusCode());
        return bearerIn(signedIn.body());
    }

    static String sessionToken(String homePage) {
        return bearerIn(homePage);
    }

    private static String bearerIn(String page) {
        Matcher m = Pattern.compile("Bearer ([A-Za-z0-9_.-]+)").matcher(Browser.unescape(page));
        assertTrue(m.find(), "the page carries its session token for htmx");
        return m.group(1);
    }

    private static void assertHome(HttpResponse<String> page, String name, String role) {
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains(name), "greets " + name);
        assertTrue(page.body().contains("data-role=\"" + role + "\""), "role " + role);
    }

    private static void assertRefused(HttpResponse<String> page, int status, String rule) {
        assertEquals(status, page.statusCode(), page.body());
        assertTrue(page.body().contains("<code id=\"rule\">" + rule + "</code>"), "names rule " + rule);
    }

    private static List<String> kids(String jwks) throws java.text.ParseException {
        return JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(jwks), "keys").stream()
                .map(k -> String.valueOf(((Map<?, ?>) k).get("kid"))).toList();
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
