package org.organizingworkbench.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Grades given on the staff page reach the emulated LMS through the outbox: once, with the latest value, through
 * outages, Moodle's timestamp conflict and Canvas's refusal of a user who is not a student.
 */
@ExtendWith(SharedTool.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GradeDeliveryIT {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port");
    private static final String EMULATOR = "http://localhost:" + System.getProperty("it.http.port");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /** demo-student-N by "Given Family" name, and person id in the tool by subject. */
    private static final Map<String, String> SUBJECTS = new HashMap<>();
    private static final Map<String, Long> PERSON_IDS = new HashMap<>();
    private static String instructor;


    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readDemoCourse() throws Exception {
        try (InputStream in = GradeDeliveryIT.class.getResourceAsStream("/emulator/demo-course.json")) {
            Map<String, Object> course = JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (Object m : (List<Object>) course.get("members")) {
                Map<String, Object> member = (Map<String, Object>) m;
                if ("LEARNER".equals(member.get("role"))) {
                    SUBJECTS.put(member.get("given") + " " + member.get("family"), (String) member.get("id"));
                }
            }
        }
    }

    @Test
    @Order(1)
    void theInstructorSeesEveryLearnerWithAScoreInputAndAStudentIsRefused() throws Exception {
        String page = grades(instructor()).body();
        assertTrue(page.contains("name=\"score\""), page);
        assertEquals(10, PERSON_IDS.size(), "all ten students of the roster: " + PERSON_IDS);
        assertFalse(page.contains("cannot go back to the LMS"), "the emulator's launch carries a line item");
        String student = LaunchOverHttpIT.sessionToken(launchAs("demo-student-1").body());
        Browser browser = new Browser();
        assertEquals(403, browser.get(BASE + "/app/grades", "Authorization", "Bearer " + student).statusCode());
        assertEquals(403, browser.post(BASE + "/app/grades", Map.of("personId", "1", "score", "100"),
                "Authorization", "Bearer " + student).statusCode());
        assertEquals(404, browser.post(BASE + "/app/grades/987654/resend", Map.of(),
                "Authorization", "Bearer " + instructor()).statusCode(), "a grade of no course of the session");
        assertEquals(403, browser.get(BASE + "/app/grades/compare", "Authorization", "Bearer " + student).statusCode());
    }

    @Test
    @Order(1)
    void aTeachingFellowGradesOnlyTheLearnersOfTheirSections() throws Exception {
        instructor();
        String fellow = LaunchOverHttpIT.sessionToken(launchAs("demo-ta-1").body());
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get(BASE + "/app/grades", "Authorization", "Bearer " + fellow);
        assertEquals(200, page.statusCode(), page.body());
        Matcher listed = Pattern.compile("data-person=\"(\\d+)\"").matcher(page.body());
        List<Long> visible = new java.util.ArrayList<>();
        while (listed.find()) {
            visible.add(Long.valueOf(listed.group(1)));
        }
        assertTrue(visible.size() < PERSON_IDS.size(), "a Fellow sees their sections only: " + visible);
        long outside = PERSON_IDS.values().stream().filter(id -> !visible.contains(id)).findFirst().orElseThrow();
        assertEquals(404, browser.post(BASE + "/app/grades", Map.of("personId", String.valueOf(outside), "score", "50"),
                "Authorization", "Bearer " + fellow).statusCode(), "a learner outside the Fellow's sections");
    }

    @Test
    @Order(2)
    void gradesArriveOnceWithTheLatestValue() throws Exception {
        save("demo-student-1", "70", "first look");
        save("demo-student-1", "85", "after revision");
        save("demo-student-2", "90", "");
        save("demo-student-3", "60.5", "see comments");
        Map<String, Object> one = awaitResult("demo-student-1", r -> score(r) == 85.0);
        assertEquals("after revision", one.get("comment"));
        assertTrue(accepted(one) <= 2, "the 70 may have gone before the 85 was given, but never after it");
        assertEquals(1, accepted(awaitResult("demo-student-2", r -> score(r) == 90.0)));
        assertEquals(1, accepted(awaitResult("demo-student-3", r -> score(r) == 60.5)));
        awaitStatus("demo-student-2", "Delivered to the LMS.");
    }

    @Test
    @Order(3)
    void anOutageOfThreeRequestsDelaysTheGradeButItArrives() throws Exception {
        fault("FAIL", 3);
        save("demo-student-4", "77", "");
        awaitStatus("demo-student-4", "next attempt at");
        assertEquals(1, accepted(awaitResult("demo-student-4", r -> score(r) == 77.0)));
    }

    @Test
    @Order(4)
    void moodlesEarlierTimestampConflictIsRestampedAndArrives() throws Exception {
        fault("CONFLICT", 1);
        save("demo-student-5", "66", "");
        assertEquals(1, accepted(awaitResult("demo-student-5", r -> score(r) == 66.0)));
        assertEquals("{}", new Browser().get(EMULATOR + "/emulator/faults").body(), "the conflict was answered");
    }

    @Test
    @Order(5)
    void aUserThePlatformCannotGradeFailsWithItsReasonAndResendWorksOnceItClears() throws Exception {
        fault("UNPROCESSABLE", 1);
        save("demo-student-6", "88", "");
        String page = awaitStatus("demo-student-6", "Failed: the LMS refused this grade");
        assertTrue(line(page, "demo-student-6").contains("not a student"), "the platform's explanation is shown");
        assertTrue(gradebookResult("demo-student-6").isEmpty());
        Matcher resend = Pattern.compile("hx-post=\"(/app/grades/\\d+/resend)\"").matcher(line(page, "demo-student-6"));
        assertTrue(resend.find(), "a Resend button for the failed grade");
        HttpResponse<String> resent = new Browser().post(BASE + resend.group(1), Map.of(),
                "Authorization", "Bearer " + instructor());
        assertEquals(200, resent.statusCode(), resent.body());
        assertEquals(1, accepted(awaitResult("demo-student-6", r -> score(r) == 88.0)));
        awaitStatus("demo-student-6", "Delivered to the LMS.");
    }

    @Test
    @Order(6)
    void manyGradesDuringAnOutageEndWithEachStudentsLatestScoreSentNoMoreThanNeeded() throws Exception {
        fault("FAIL", 8);
        Map<String, Double> latest = new LinkedHashMap<>();
        for (int round = 0; round < 20; round++) {
            for (int n = 1; n <= 10; n++) {
                double score = 10 + round * 4 + n / 10.0;
                save("demo-student-" + n, String.valueOf(score), "round " + round);
                latest.put("demo-student-" + n, score);
            }
        }
        for (Map.Entry<String, Double> expected : latest.entrySet()) {
            Map<String, Object> result = awaitResult(expected.getKey(), r -> score(r) == expected.getValue());
            assertEquals("round 19", result.get("comment"));
        }
        Thread.sleep(3000); // one more worker round: nothing older may follow the latest
        for (Map.Entry<String, Double> expected : latest.entrySet()) {
            Map<String, Object> result = gradebookResult(expected.getKey()).orElseThrow();
            assertEquals(expected.getValue(), score(result), expected.getKey());
            assertEquals(0, ((Number) result.get("repeated")).intValue(), "no grade delivered twice: " + result);
            assertTrue(accepted(result) <= 21, "at most one score per grade given: " + result);
        }
    }

    @Test
    @Order(7)
    void rowsClaimedByANodeThatDiedAreTakenOverWhenTheClaimExpires() throws Exception {
        save("demo-student-7", "40", "");
        awaitStatus("demo-student-7", "Delivered to the LMS.");
        save("demo-student-8", "41", "");
        awaitStatus("demo-student-8", "Delivered to the LMS.");
        int sevenBefore = accepted(gradebookResult("demo-student-7").orElseThrow());
        int eightBefore = accepted(gradebookResult("demo-student-8").orElseThrow());
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"),
                System.getProperty("it.db.user"), System.getProperty("it.db.password"))) {
            // What a node leaves behind when it dies mid-round: rows claimed, its lease long gone or still running.
            queueClaimed(db, "demo-student-7", 47, "crashed-node", -60);
            queueClaimed(db, "demo-student-8", 48, "stalled-node", 10);
        }
        assertEquals(sevenBefore + 1, accepted(awaitResult("demo-student-7", r -> score(r) == 47.0)),
                "an expired claim is taken over");
        Thread.sleep(3000);
        assertEquals(41.0, score(gradebookResult("demo-student-8").orElseThrow()), "a live claim is left to its node");
        assertEquals(eightBefore + 1, accepted(awaitResult("demo-student-8", r -> score(r) == 48.0)), "…until it expires");
    }

    @Test
    @Order(8)
    void comparingWithTheLmsGradebookShowsPerLearnerWhetherItHoldsTheSameScore() throws Exception {
        fault("FAIL", 1000);
        try {
            save("demo-student-9", "12", "held back by an outage");
            String page = compare(instructor());
            assertTrue(page.contains("Compared with the LMS gradebook"), page);
            assertTrue(line(page, "demo-student-1").contains("data-lms=\"SAME\""), line(page, "demo-student-1"));
            assertTrue(line(page, "demo-student-9").contains("data-lms=\"DIFFERENT\""), line(page, "demo-student-9"));
            assertTrue(line(page, "demo-student-9").contains("The LMS gradebook holds another score"));
        } finally {
            fault("FAIL", 0);
        }
        awaitResult("demo-student-9", r -> score(r) == 12.0);
        assertTrue(line(compare(instructor()), "demo-student-9").contains("data-lms=\"SAME\""));
        // Demo sections: demo-ta-2 leads Section B (demo-student-6..10), not demo-student-1.
        String fellow = LaunchOverHttpIT.sessionToken(launchAs("demo-ta-2").body());
        String fellowPage = compare(fellow);
        assertFalse(fellowPage.contains("data-person=\"" + PERSON_IDS.get("demo-student-1") + "\""),
                "a Fellow compares the learners of their own sections only");
        assertTrue(fellowPage.contains("data-person=\"" + PERSON_IDS.get("demo-student-9") + "\""), fellowPage);
    }

    private static String compare(String token) throws Exception {
        HttpResponse<String> page = new Browser().get(BASE + "/app/grades/compare", "Authorization", "Bearer " + token);
        assertEquals(200, page.statusCode(), page.body());
        return page.body();
    }

    private static void queueClaimed(Connection db, String subject, double score, String node, int leaseSeconds)
            throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO grade_delivery (grade_id, line_item_url, user_id,"
                + " score_given, score_maximum, comment, activity_progress, grading_progress, created_at, status, attempts,"
                + " next_attempt_at, claimed_by, claimed_until) SELECT d.grade_id, d.line_item_url, d.user_id, ?, d.score_maximum,"
                + " NULL, d.activity_progress, d.grading_progress, UTC_TIMESTAMP(3), 'PENDING', 0, UTC_TIMESTAMP(3), ?,"
                + " UTC_TIMESTAMP(3) + INTERVAL ? SECOND FROM grade_delivery d WHERE d.user_id = ? ORDER BY d.id DESC LIMIT 1")) {
            insert.setDouble(1, score);
            insert.setString(2, node);
            insert.setInt(3, leaseSeconds);
            insert.setString(4, subject);
            assertEquals(1, insert.executeUpdate());
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static String instructor() throws Exception {
        if (instructor == null) {
            instructor = LaunchOverHttpIT.sessionToken(launchAs("demo-instructor-1").body());
            assertTrue(RosterSyncing.syncAndWait(instructor).contains("The LMS lists 14 members"));
            grades(instructor);
        }
        return instructor;
    }

    private static HttpResponse<String> grades(String token) throws Exception {
        HttpResponse<String> page = new Browser().get(BASE + "/app/grades", "Authorization", "Bearer " + token);
        assertEquals(200, page.statusCode(), page.body());
        Matcher m = Pattern.compile("data-person=\"(\\d+)\".*?<legend>([^<]+)</legend>", Pattern.DOTALL)
                .matcher(Browser.unescape(page.body()));
        while (m.find()) {
            String subject = SUBJECTS.get(m.group(2).trim());
            if (subject != null) {
                PERSON_IDS.put(subject, Long.valueOf(m.group(1)));
            }
        }
        return page;
    }

    private static void save(String subject, String score, String comment) throws Exception {
        HttpResponse<String> saved = new Browser().post(BASE + "/app/grades", Map.of("personId",
                String.valueOf(PERSON_IDS.get(subject)), "score", score, "comment", comment),
                "Authorization", "Bearer " + instructor());
        assertEquals(200, saved.statusCode(), saved.body());
        assertFalse(saved.body().contains("aria-invalid=\"true\""), saved.body());
    }

    private static void fault(String fault, int requests) throws Exception {
        HttpResponse<String> set = new Browser().post(EMULATOR + "/emulator/faults",
                Map.of("service", "SCORES", "fault", fault, "requests", String.valueOf(requests)));
        assertEquals(200, set.statusCode(), set.body());
    }

    private static String line(String page, String subject) {
        String html = Browser.unescape(page);
        int start = html.indexOf("data-person=\"" + PERSON_IDS.get(subject) + "\"");
        assertTrue(start >= 0, subject + " is listed");
        int end = html.indexOf("</li>", start);
        return html.substring(start, end);
    }

    private static String awaitStatus(String subject, String text) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        String page = "";
        while (Instant.now().isBefore(deadline)) {
            page = grades(instructor()).body();
            if (line(page, subject).contains(text)) {
                return page;
            }
            Thread.sleep(500);
        }
        fail(subject + " never showed \"" + text + "\": " + line(page, subject));
        return page;
    }

    private static Map<String, Object> awaitResult(String subject, Predicate<Map<String, Object>> done) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        Optional<Map<String, Object>> result = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            result = gradebookResult(subject);
            if (result.isPresent() && done.test(result.get())) {
                return result.get();
            }
            Thread.sleep(500);
        }
        fail(subject + " never reached the LMS as expected; the LMS holds " + result);
        return Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> gradebookResult(String subject) throws Exception {
        Map<String, Object> book = JSONObjectUtils.parse(new Browser().get(EMULATOR + "/emulator/gradebook/demo-course-1").body());
        for (Object item : (List<Object>) book.get("lineItems")) {
            Map<String, Object> lineItem = (Map<String, Object>) item;
            if (!"demo-link-workbook".equals(lineItem.get("resourceLinkId"))) {
                continue;
            }
            for (Object r : (List<Object>) lineItem.get("results")) {
                Map<String, Object> result = (Map<String, Object>) r;
                if (subject.equals(result.get("userId"))) {
                    return Optional.of(result);
                }
            }
        }
        return Optional.empty();
    }

    private static double score(Map<String, Object> result) {
        return ((Number) result.get("scoreGiven")).doubleValue();
    }

    private static int accepted(Map<String, Object> result) {
        return ((Number) result.get("accepted")).intValue();
    }

    private static HttpResponse<String> launchAs(String user) throws Exception {
        HttpResponse<String> home = EmulatorLaunch.launch(new Browser(), user, "resource-link");
        assertEquals(200, home.statusCode(), home.body());
        return home;
    }
}
