package org.organizingworkbench.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project workbook over HTTP, as the page's script and htmx use it: autosave with optimistic concurrency,
 * conflicts, history and restore, submission, and who may read or write whose workbook.
 */
@ExtendWith(SharedTool.class)
class WorkbookIT {

    private static final String BASE = EmulatorLaunch.TOOL;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CANVAS = "/app/workbook/exercises/project-canvas";


    @Test
    void autosaveKeepsEveryRevisionAndNeverOverwritesANewerOne() throws Exception {
        Session student = Session.launch("demo-student-3");
        JsonNode first = student.save(CANVAS, "people", 0, "\"<p>Tenants of Elm Street<script>alert(1)</script></p>\"");
        assertEquals(1, first.get("revision").asInt());
        String secondId = UUID.randomUUID().toString();
        HttpResponse<String> second = student.put(CANVAS, "people", 1, "\"<p>Tenants of Elm and Oak Streets</p>\"", secondId);
        assertEquals(200, second.statusCode(), second.body());

        HttpResponse<String> retried = student.put(CANVAS, "people", 1, "\"<p>Tenants of Elm and Oak Streets</p>\"", secondId);
        assertEquals(200, retried.statusCode(), "a retried save (answer lost on the way) is not a conflict");
        assertEquals(2, JSON.readTree(retried.body()).get("revision").asInt(), "and is not counted twice");

        HttpResponse<String> stale = student.put(CANVAS, "people", 1, "\"<p>Old tab text</p>\"", UUID.randomUUID().toString());
        assertEquals(409, stale.statusCode(), stale.body());
        JsonNode conflict = JSON.readTree(stale.body());
        assertEquals(2, conflict.get("revision").asInt());
        assertEquals("Tenants of Elm and Oak Streets", conflict.get("theirs").asText());
        assertEquals("Old tab text", conflict.get("mine").asText(), "both texts come back for the student to choose");

        String page = student.get(CANVAS).body();
        assertTrue(page.contains("Tenants of Elm and Oak Streets"), "the newest revision is on the page");
        assertFalse(page.contains("Old tab text"), "the stale save overwrote nothing");
        assertFalse(page.contains("alert(1)"), "no script is ever stored");
        assertTrue(revisionOnPage(page, "people", 2), page);
    }

    @Test
    void historyComparesRevisionsAndRestoreBringsAnOldOneBack() throws Exception {
        Session student = Session.launch("demo-student-4");
        student.save(CANVAS, "problem", 0, "\"<p>Rents rose forty percent</p>\"");
        student.save(CANVAS, "problem", 1, "\"<p>Rents rose sixty percent this year</p>\"");

        String history = student.get(CANVAS + "/fields/problem/history").body();
        assertTrue(history.contains("Version 2") && history.contains("Version 1"), history);
        assertTrue(history.contains("<del>forty</del>") && history.contains("<ins>sixty</ins>"), "word differences: " + history);

        HttpResponse<String> staleRestore = student.post(CANVAS + "/fields/problem/restore", Map.of("revision", "1", "base", "1"));
        assertTrue(staleRestore.body().contains("was not restored"), "a restore based on an old page is refused");

        HttpResponse<String> restored = student.post(CANVAS + "/fields/problem/restore", Map.of("revision", "1", "base", "2"));
        assertEquals(200, restored.statusCode());
        assertTrue(restored.body().contains("Version 1 is back"), restored.body());
        assertTrue(revisionOnPage(restored.body(), "problem", 3));
        assertTrue(restored.body().contains("Rents rose forty percent"));
        String after = student.get(CANVAS + "/fields/problem/history").body();
        assertTrue(after.contains("Version 3") && after.contains("(version 1 restored)"), "history keeps all three");
    }

    @Test
    void submittingNeedsTheRequiredPartsAndLaterEditsAreDrafts() throws Exception {
        Session student = Session.launch("demo-student-5");
        student.save(CANVAS, "people", 0, "\"<p>Night-shift nurses at the county hospital</p>\"");
        HttpResponse<String> refused = student.post(CANVAS + "/submit", Map.of());
        assertTrue(refused.body().contains("required parts are still empty"), refused.body());
        assertTrue(refused.body().contains("<li>Their problem</li>") || refused.body().contains("<li>"), refused.body());

        student.save(CANVAS, "problem", 0, "\"<p>Unsafe staffing</p>\"");
        student.save(CANVAS, "resources", 0, "[\"Union local\", \"Patients' families\"]");
        student.save(CANVAS, "power", 0, "\"<p>Together they can testify at the board</p>\"");
        student.save(CANVAS, "outcome", 0, "\"Board adopts a staffing ratio\"");
        student.save(CANVAS, "outcome-date", 0, "\"2027-02-15\"");
        HttpResponse<String> submitted = student.post(CANVAS + "/submit", Map.of());
        assertTrue(submitted.body().contains("Submitted (submission 1)"), submitted.body());
        assertTrue(student.get("/app/workbook").body()
                .contains("data-exercise=\"project-canvas\" data-status=\"SUBMITTED\""));

        student.save(CANVAS, "outcome", 1, "\"Board adopts a 1:4 staffing ratio\"");
        String history = student.get(CANVAS + "/fields/outcome/history").body();
        assertTrue(Pattern.compile("data-revision=\"1\".*?the version in submission 1", Pattern.DOTALL).matcher(history).find()
                && !Pattern.compile("data-revision=\"2\"[^<]*>\\s*<p class=\"revision-meta\">(?:(?!</p>).)*submission",
                Pattern.DOTALL).matcher(history).find(), "the history marks the submitted version: " + history);
        assertTrue(student.get("/app/workbook").body()
                .contains("data-exercise=\"project-canvas\" data-status=\"CHANGED_SINCE_SUBMITTED\""),
                "an edit after submitting is a new draft; the submission stays");
    }

    @Test
    void aValueThatDoesNotFitItsFieldIsRefusedWithAReason() throws Exception {
        Session student = Session.launch("demo-student-6");
        HttpResponse<String> badDate = student.put(CANVAS, "outcome-date", 0, "\"next spring\"", UUID.randomUUID().toString());
        assertEquals(422, badDate.statusCode());
        assertTrue(JSON.readTree(badDate.body()).get("message").asText().contains("Your text stays on this page"));
        HttpResponse<String> badChoice = student.put("/app/workbook/exercises/one-to-one-log", "meetings", 0,
                "[{\"kind\": \"bribery\"}]", UUID.randomUUID().toString());
        assertEquals(422, badChoice.statusCode());
        assertEquals(404, student.put(CANVAS, "no-such-field", 0, "\"x\"", UUID.randomUUID().toString()).statusCode());
        assertEquals(404, student.put("/app/workbook/exercises/no-such-exercise", "people", 0, "\"x\"",
                UUID.randomUUID().toString()).statusCode());
    }

    @Test
    void aStudentReadsOnlyTheirOwnWorkbookAndStaffReadWithinTheirScope() throws Exception {
        Session owner = Session.launch("demo-student-7");
        owner.save(CANVAS, "people", 0, "\"<p>Secret plan of the tenants</p>\"");
        long ownerId = owner.membershipId();

        Session other = Session.launch("demo-student-8");
        String learnerPage = "/app/learners/" + ownerId + "/workbook";
        for (String path : new String[]{learnerPage, learnerPage + "/exercises/project-canvas",
                learnerPage + "/exercises/project-canvas/fields/people/history", "/app/learners"}) {
            HttpResponse<String> response = other.get(path);
            assertEquals(404, response.statusCode(), path);
            assertFalse(response.body().contains("Secret plan"), path);
            assertTrue(response.body().contains("not yours to see"), "a page in the person's language, not the server's");
        }
        assertFalse(other.get(CANVAS).body().contains("Secret plan"), "their own page shows their own work only");
        assertEquals(404, other.get("/app/learners/" + other.membershipId() + "/workbook").statusCode(),
                "students use their own workbook's address, not the staff one");

        Session instructor = Session.launch("demo-instructor-1");
        HttpResponse<String> read = instructor.get(learnerPage + "/exercises/project-canvas");
        assertEquals(200, read.statusCode());
        assertTrue(read.body().contains("Secret plan of the tenants"));
        assertTrue(read.body().contains("contenteditable=\"false\""), "staff read, they do not write");
        assertTrue(instructor.get("/app/learners").body().contains("data-learner=\"" + ownerId + "\""));
        assertTrue(instructor.get(learnerPage + "/exercises/project-canvas/fields/people/history").body().contains("Version 1"));
        assertEquals(404, instructor.put(CANVAS, "people", 1, "\"<p>Edited by staff</p>\"", UUID.randomUUID().toString()).statusCode(),
                "nobody writes in a student's workbook but the student");
        assertEquals(404, instructor.get("/app/learners/999999/workbook").statusCode());

        // The demo course seeds Section A (demo-ta-1, students 1–5) and Section B (demo-ta-2, students 6–10).
        Session otherFellow = Session.launch("demo-ta-1");
        assertEquals(404, otherFellow.get(learnerPage + "/exercises/project-canvas").statusCode(),
                "a Teaching Fellow reads only the students of their own sections");
        assertFalse(otherFellow.get("/app/learners").body().contains("data-learner=\"" + ownerId + "\""));
        Session fellow = Session.launch("demo-ta-2");
        HttpResponse<String> fellowRead = fellow.get(learnerPage + "/exercises/project-canvas");
        assertEquals(200, fellowRead.statusCode());
        assertTrue(fellowRead.body().contains("Secret plan of the tenants"));
    }

    @Test
    void theWorkbookDownloadsAsAPdfThatHoldsWhatWasWrittenAndOnlyForThoseWhoMayReadIt() throws Exception {
        Session owner = Session.launch("demo-student-9");
        owner.save(CANVAS, "people", 0, "\"<p>Vecinos del barrio Ñuñoa, inquilinos sin contrato</p>\"");
        owner.save(CANVAS, "resources", 0, "[\"Asociación de vecinos\", \"Radio comunitaria\"]");
        owner.save("/app/workbook/exercises/team-charter", "members", 0,
                "[{\"member\": {\"name\": \"Ana\"}, \"role\": \"Coordinator\"},"
                        + " {\"member\": {\"name\": \"Luis\"}, \"developed-by\": \"Ana\"}]");
        long ownerId = owner.membershipId();

        HttpResponse<byte[]> pdf = owner.pdf(null);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"workbook-"));
        String text = pdfText(pdf.body());
        assertTrue(text.contains("Vecinos del barrio Ñuñoa, inquilinos sin contrato"), text);
        assertTrue(text.contains("Radio comunitaria"), text);

        String print = owner.get("/app/workbook/print").body();
        assertTrue(print.contains("Vecinos del barrio Ñuñoa") && print.contains("class=\"printed-workbook\""));
        String diagram = owner.get("/app/workbook/exercises/team-charter/diagram").body();
        assertTrue(diagram.contains("<svg") && diagram.contains("Luis"), "the team drawn as a snowflake: " + diagram);

        Session other = Session.launch("demo-student-10");
        assertEquals(404, other.pdf(ownerId).statusCode(), "a student cannot download another's workbook");
        assertFalse(pdfText(other.pdf(null).body()).contains("Ñuñoa"), "their own PDF holds their own work");
        assertEquals(401, new Browser().post(BASE + "/export/workbook.pdf", Map.of("token", "forged")).statusCode());
        Session instructor = Session.launch("demo-instructor-1");
        assertTrue(pdfText(instructor.pdf(ownerId).body()).contains("Ñuñoa"), "staff download a student's workbook");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPlacedActivityOpensOnItsExerciseAndSubmittingTellsTheLmsGradebook() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> landing = EmulatorLaunch.launch(browser, "demo-student-2", "activity:project-canvas");
        assertEquals(200, landing.statusCode(), landing.body());
        assertTrue(landing.body().contains("data-exercise=\"project-canvas\""), "the student lands on the exercise");
        Session student = new Session(browser, LaunchOverHttpIT.sessionToken(landing.body()), landing.body());
        student.save(CANVAS, "people", 0, "\"<p>Parents of Lincoln Elementary</p>\"");
        student.save(CANVAS, "problem", 0, "\"<p>No crossing guard</p>\"");
        student.save(CANVAS, "resources", 0, "[\"PTA\"]");
        student.save(CANVAS, "power", 0, "\"<p>Turnout at the council</p>\"");
        student.save(CANVAS, "outcome", 0, "\"A guard by March\"");
        student.save(CANVAS, "outcome-date", 0, "\"2027-03-01\"");
        assertTrue(student.post(CANVAS + "/submit", Map.of()).body().contains("data-status=\"SUBMITTED\""));

        Map<String, Object> result = null;
        for (int i = 0; i < 60 && result == null; i++) {
            Map<String, Object> book = com.nimbusds.jose.util.JSONObjectUtils.parse(
                    new Browser().get(EmulatorLaunch.EMULATOR + "/emulator/gradebook/demo-course-1").body());
            for (Object item : (List<Object>) book.get("lineItems")) {
                Map<String, Object> lineItem = (Map<String, Object>) item;
                if ("demo-activity-project-canvas".equals(lineItem.get("resourceLinkId"))) {
                    result = ((List<Object>) lineItem.get("results")).stream().map(r -> (Map<String, Object>) r)
                            .filter(r -> "demo-student-2".equals(r.get("userId"))).findFirst().orElse(null);
                }
            }
            if (result == null) {
                Thread.sleep(500);
            }
        }
        assertTrue(result != null, "the submission reached the LMS gradebook through the outbox");
        assertEquals("Submitted", result.get("activityProgress"));
        assertEquals("PendingManual", result.get("gradingProgress"), "ready for the Teaching Fellow's grade");
        assertEquals(null, result.get("scoreGiven"), "no score is invented");

        // The student's Teaching Fellow (Section A) opens the same activity and grades the submission.
        Browser fellowBrowser = new Browser();
        HttpResponse<String> fellowLanding = EmulatorLaunch.launch(fellowBrowser, "demo-ta-1", "activity:project-canvas");
        String fellow = LaunchOverHttpIT.sessionToken(fellowLanding.body());
        String grades = Browser.unescape(fellowBrowser.get(BASE + "/app/grades", "Authorization", "Bearer " + fellow).body());
        Matcher line = Pattern.compile("data-person=\"(\\d+)\"((?:(?!data-person).)*?)Diego Ram\u00edrez(.*?)</li>",
                Pattern.DOTALL).matcher(grades);
        assertTrue(line.find(), grades);
        assertTrue(line.group(3).contains("waiting for a grade"), "the Fellow sees the submission awaits a grade");
        HttpResponse<String> graded = fellowBrowser.post(BASE + "/app/grades", Map.of("personId", line.group(1),
                "score", "18", "comment", "Clear people and problem"), "Authorization", "Bearer " + fellow);
        assertEquals(200, graded.statusCode(), graded.body());
        Map<String, Object> final_ = null;
        for (int i = 0; i < 60 && (final_ == null || final_.get("scoreGiven") == null); i++) {
            Thread.sleep(500);
            final_ = gradebookResult("demo-activity-project-canvas", "demo-student-2");
        }
        assertEquals(18.0, ((Number) final_.get("scoreGiven")).doubleValue());
        assertEquals("Completed", final_.get("activityProgress"));
        assertEquals("FullyGraded", final_.get("gradingProgress"));
    }

    @Test
    void anInstructorHidesAndShowsAnExerciseAndTheStudentsWorkIsKept() throws Exception {
        Session student = Session.launch("bench-wbkcur-u1");
        String story = "/app/workbook/exercises/story-of-self";
        student.save(story, "story", 0, "\"<p>Kept across curriculum versions</p>\"");
        Session instructor = Session.launch("bench-wbkcur-instructor");

        assertEquals(200, instructor.post("/app/curriculum/exercises/story-of-self/visibility",
                Map.of("base", editorBase(instructor), "hidden", "true")).statusCode());
        assertEquals(404, student.get(story).statusCode(), "a hidden exercise is not the student's to open");
        assertFalse(student.get("/app/workbook").body().contains("data-exercise=\"story-of-self\""));
        long authorId = student.membershipId();
        assertTrue(instructor.get("/app/learners/" + authorId + "/workbook/exercises/story-of-self").body()
                .contains("Kept across curriculum versions"), "staff still read work on a hidden exercise");

        assertEquals(200, instructor.post("/app/curriculum/exercises/story-of-self/visibility",
                Map.of("base", editorBase(instructor), "hidden", "false")).statusCode());
        HttpResponse<String> back = student.get(story);
        assertEquals(200, back.statusCode());
        assertTrue(back.body().contains("Kept across curriculum versions"), "the new version keeps what the student wrote");
    }

    /** The curriculum version the instructor's editor is based on. */
    private static String editorBase(Session instructor) throws Exception {
        Matcher base = Pattern.compile("name=\"base\" value=\"(\\d+)\"").matcher(instructor.get("/app/curriculum").body());
        assertTrue(base.find());
        return base.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> gradebookResult(String linkId, String userId) throws Exception {
        Map<String, Object> book = com.nimbusds.jose.util.JSONObjectUtils.parse(
                new Browser().get(EmulatorLaunch.EMULATOR + "/emulator/gradebook/demo-course-1").body());
        for (Object item : (List<Object>) book.get("lineItems")) {
            Map<String, Object> lineItem = (Map<String, Object>) item;
            if (linkId.equals(lineItem.get("resourceLinkId"))) {
                return ((List<Object>) lineItem.get("results")).stream().map(r -> (Map<String, Object>) r)
                        .filter(r -> userId.equals(r.get("userId"))).findFirst().orElse(null);
            }
        }
        return null;
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static boolean revisionOnPage(String page, String field, int revision) {
        return Pattern.compile("data-field=\"" + field + "\"\\s+data-type=\"\\w+\"\\s+data-revision=\"" + revision + "\"")
                .matcher(page).find();
    }

    /** A launched person's session, and the calls the workbook page makes with its token. */
    private record Session(Browser browser, String token, String home) {

        static Session launch(String user) throws Exception {
            Browser browser = new Browser();
            HttpResponse<String> home = EmulatorLaunch.launch(browser, user, "resource-link");
            assertEquals(200, home.statusCode(), home.body());
            return new Session(browser, LaunchOverHttpIT.sessionToken(home.body()), home.body());
        }

        HttpResponse<String> get(String path) throws Exception {
            return browser.get(BASE + path, "Authorization", "Bearer " + token);
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            return browser.post(BASE + path, form, "Authorization", "Bearer " + token);
        }

        HttpResponse<String> put(String exercise, String field, int base, String valueJson, String saveId) throws Exception {
            String body = "{\"base\": " + base + ", \"saveId\": \"" + saveId + "\", \"value\": " + valueJson + "}";
            return browser.put(BASE + exercise + "/fields/" + field, body, "Authorization", "Bearer " + token);
        }

        JsonNode save(String exercise, String field, int base, String valueJson) throws Exception {
            HttpResponse<String> saved = put(exercise, field, base, valueJson, UUID.randomUUID().toString());
            assertEquals(200, saved.statusCode(), saved.body());
            return JSON.readTree(saved.body());
        }

        HttpResponse<byte[]> pdf(Long learner) throws Exception {
            String form = "token=" + token + (learner == null ? "" : "&learner=" + learner);
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(BASE + "/export/workbook.pdf"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        long membershipId() throws Exception {
            Matcher m = Pattern.compile("data-author=\"(\\d+)\"").matcher(get(CANVAS).body());
            assertTrue(m.find());
            return Long.parseLong(m.group(1));
        }
    }
}
