package org.organizingworkbench.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A grader opens a learner's work from the LMS gradebook (LtiSubmissionReviewRequest, sent by the emulator's
 * "Open submission"): the tool routes it by message type to the learner's work on the link's exercise, for staff
 * who may see that learner, and refuses everyone else with a page that says why, in the grader's language.
 */
@ExtendWith(SharedTool.class)
class SubmissionReviewIT {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port");
    private static final String EMULATOR = "http://localhost:" + System.getProperty("it.http.port");
    private static final Pattern WORK_URL = Pattern.compile("hx-get=\"(/app/learners/(\\d+)/workbook/exercises/story-of-self)/work\"");


    @BeforeAll
    static void learnersHaveLaunched() throws Exception {
        for (String learner : new String[] {"demo-student-1", "demo-student-2", "demo-student-3"}) {
            assertEquals(200, EmulatorLaunch.launch(new Browser(), learner, "resource-link").statusCode());
        }
    }

    @Test
    void theEmulatorGradebookOffersOpenSubmissionForEachLearner() throws Exception {
        HttpResponse<String> response = new Browser().get(EMULATOR + "/emulator");
        assertEquals(200, response.statusCode(), response.body());
        String page = response.body();
        assertEquals(10, count(page, "class=\"review-form\""), "one per learner of the demo course");
        assertTrue(page.contains("value=\"submission-review:demo-student-1\""));
    }

    @Test
    void anInstructorLandsOnThatLearnersWorkForTheLinksExercise() throws Exception {
        HttpResponse<String> page = review("demo-instructor-1", "demo-student-1");
        assertEquals(200, page.statusCode(), page.body());
        String html = Browser.unescape(page.body());
        Matcher work = WORK_URL.matcher(html);
        assertTrue(work.find(), "the page loads the learner's work: " + html);
        assertEquals(membershipId("demo-student-1"), Long.parseLong(work.group(2)), "the learner's membership in the course");
        assertTrue(html.contains("hx-trigger=\"load\""), "loaded at once into the main area");
        assertTrue(html.contains("href=\"" + work.group(1) + "\""), "and a visible link to it");
        assertTrue(html.contains("Work of Amara Okafor: My story of self"), html);
        String token = LaunchOverHttpIT.sessionToken(html);
        assertEquals(200, new Browser().get(BASE + "/app/home", "Authorization", "Bearer " + token).statusCode(),
                "the grader has a session as after a resource link launch");
        HttpResponse<String> loaded = new Browser().get(BASE + work.group(1) + "/work", "Authorization", "Bearer " + token);
        assertEquals(200, loaded.statusCode(), loaded.body());
        assertTrue(loaded.body().contains("data-exercise=\"story-of-self\""), "the learner's work: " + loaded.body());
        assertFalse(loaded.body().contains("id=\"main\"") || loaded.body().contains("<header"),
                "issue 9 §8: the work alone, not the tool's page a second time inside the review page");
    }

    @Test
    void aStudentCannotOpenAnotherLearnersWork() throws Exception {
        HttpResponse<String> page = review("demo-student-3", "demo-student-1");
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("refusal-NOT_STAFF"));
        assertFalse(WORK_URL.matcher(page.body()).find());
        assertFalse(page.body().contains("Bearer"), "no session token on a refusal");
    }

    @Test
    void anUnknownLearnerIsAClearErrorInTheGradersLanguage() throws Exception {
        HttpResponse<String> english = review("demo-instructor-1", "nobody-here");
        assertEquals(404, english.statusCode());
        assertTrue(english.body().contains("refusal-UNKNOWN_LEARNER"));
        assertTrue(english.body().contains("<html lang=\"en\""));
        assertTrue(english.body().contains("not known to the tool in this course"));
        HttpResponse<String> spanish = review("demo-ta-2", "nobody-here");
        assertEquals(404, spanish.statusCode());
        assertTrue(spanish.body().contains("<html lang=\"es\""));
        assertTrue(Browser.unescape(spanish.body()).contains("La herramienta no conoce a este estudiante"));
    }

    @Test
    void aTeachingFellowOpensTheirSectionsLearnersOnly() throws Exception {
        // The demo course's seeded sections: Section A is demo-ta-1 with demo-student-1..5, Section B the rest.
        HttpResponse<String> own = review("demo-ta-1", "demo-student-2");
        assertEquals(200, own.statusCode(), own.body());
        Matcher work = WORK_URL.matcher(Browser.unescape(own.body()));
        assertTrue(work.find());
        assertEquals(membershipId("demo-student-2"), Long.parseLong(work.group(2)));
        HttpResponse<String> other = review("demo-ta-1", "demo-student-8");
        assertEquals(403, other.statusCode());
        assertTrue(other.body().contains("refusal-NOT_YOUR_SECTION"));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static HttpResponse<String> review(String grader, String learner) throws Exception {
        return EmulatorLaunch.launch(new Browser(), grader, "submission-review:" + learner);
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }

    private static long membershipId(String subject) throws Exception {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement("SELECT m.id FROM membership m"
                + " JOIN person p ON p.id = m.person_id JOIN course c ON c.id = m.course_id"
                + " WHERE p.subject = ? AND c.context_id = 'demo-course-1'")) {
            query.setString(1, subject);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), subject + " is a member");
                return row.getLong(1);
            }
        }
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
