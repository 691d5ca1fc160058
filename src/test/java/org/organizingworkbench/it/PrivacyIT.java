package org.organizingworkbench.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 over HTTP, from a platform the test controls (so its people and courses are its own): the export holds
 * every kind of record, staff reads are audited and the student's own are not, names of people met stay hidden from
 * staff unless the course allows, a deletion leaves nothing of the person in any table, a course moves to another
 * course by export and import, an LMS that sends no name gets a neutral label, and the retention period warns, then
 * deletes.
 */
@ExtendWith(SharedTool.class)
class PrivacyIT {

    private static final String BASE = EmulatorLaunch.TOOL;
    private static final String ISSUER = "http://127.0.0.1:8094";
    private static final String CLIENT = "privacy-it";
    private static final String DEPLOYMENT = "privacy-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    private static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    private static final String CANVAS = "/app/workbook/exercises/project-canvas";
    private static final String LOG = "/app/workbook/exercises/one-to-one-log";
    private static TestPlatformServer lms;


    @BeforeAll
    static void registerPlatform() throws Exception {
        lms = new TestPlatformServer();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Privacy test LMS");
        form.put("issuer", ISSUER);
        form.put("clientId", CLIENT);
        form.put("authUrl", ISSUER + "/auth");
        form.put("tokenUrl", lms.url("/token"));
        form.put("jwksUrl", lms.url("/jwks"));
        form.put("deploymentIds", DEPLOYMENT);
        HttpResponse<String> saved = new Browser().post(BASE + "/admin/platforms", form, "Authorization", "Bearer " + adminToken());
        assertEquals(200, saved.statusCode(), saved.body());
    }

    @AfterAll
    static void stopPlatform() {
        lms.close();
    }

    @Test
    void theExportHoldsEveryKindOfRecordStaffReadsAreAuditedAndADeletionLeavesNothing() throws Exception {
        String course = "ctx-" + UUID.randomUUID();
        String mark = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L), 36);
        String other = UUID.randomUUID().toString().substring(0, 8);
        String name = "Zephyrine Quillfeather" + mark;
        String subject = "victim-" + UUID.randomUUID();
        String story = "Orchard tenants assembly " + mark;
        String met = "Bartholomew Metperson" + mark;
        String gradeComment = "Strong canvas, Zephyrine " + mark;
        long personId;
        long membershipId;
        try (Connection db = db()) {
            // fresh, unmistakable ids: every numeric column can then be searched for them
            personId = bumpAutoIncrement(db, "person");
            membershipId = bumpAutoIncrement(db, "membership");
        }
        Lti student = Lti.launch(subject, name, LEARNER, course, "en");
        Lti instructor = Lti.launch("teacher-" + UUID.randomUUID(), "Ingrid Auditor" + other, INSTRUCTOR, course, "en");
        assertEquals(personId, student.personId());
        assertEquals(membershipId, student.membershipId());

        student.save(CANVAS, "people", 0, JSON.writeValueAsString("<p>" + story + " draft</p>"));
        student.save(CANVAS, "people", 1, JSON.writeValueAsString("<p>" + story + "</p>"));
        student.save(CANVAS, "problem", 0, "\"<p>Rents rose</p>\"");
        student.save(CANVAS, "resources", 0, "[\"Union local\"]");
        student.save(CANVAS, "power", 0, "\"<p>Testify together</p>\"");
        student.save(CANVAS, "outcome", 0, "\"Rent freeze\"");
        student.save(CANVAS, "outcome-date", 0, "\"2027-02-15\"");
        assertTrue(student.post(CANVAS + "/submit", Map.of()).body().contains("Submitted (submission 1)"));
        student.save(LOG, "meetings", 0, "[{\"date\": \"2026-03-01\", \"person\": {\"name\": \"" + met
                + "\", \"relationship\": \"neighbour\", \"notes\": \"\"}, \"kind\": \"recruitment\", \"purpose\": \"Invite\"}]");
        assertEquals(200, student.get(CANVAS).statusCode(), "the student reads their own work");
        assertEquals(200, student.get(CANVAS + "/fields/people/history").statusCode());

        HttpResponse<String> graded = instructor.post("/app/grades", Map.of("personId", String.valueOf(personId),
                "score", "90", "comment", gradeComment));
        assertEquals(200, graded.statusCode(), graded.body());

        String learner = "/app/learners/" + membershipId + "/workbook";
        String staffLog = instructor.get(learner + "/exercises/one-to-one-log").body();
        assertFalse(staffLog.contains(met), "staff do not see the names of people a student met by default");
        assertTrue(staffLog.contains("a person the student met"), staffLog);
        assertTrue(staffLog.contains("neighbour"), "the rest of the student's notes stay readable");
        assertFalse(instructor.get(learner + "/print").body().contains(met), "nor in the print view");
        assertTrue(student.get(LOG).body().contains(met), "the student always sees their own notes");
        assertEquals(200, instructor.get(learner + "/exercises/project-canvas/fields/people/history").statusCode());
        assertEquals(200, instructor.pdf(membershipId).statusCode());
        assertEquals(200, instructor.post("/app/privacy/met-names", Map.of("shown", "true")).statusCode());
        assertTrue(instructor.get(learner + "/exercises/one-to-one-log").body().contains(met),
                "an instructor may let staff see them");
        assertEquals(403, student.post("/app/privacy/met-names", Map.of("shown", "true")).statusCode(),
                "a student cannot change the course's choice");
        instructor.post("/app/privacy/met-names", Map.of());

        List<String> reads = new ArrayList<>();
        try (Connection db = db(); PreparedStatement q = db.prepareStatement(
                "SELECT what, viewer_id FROM work_read WHERE learner_id = ? ORDER BY id")) {
            q.setLong(1, membershipId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    reads.add(rs.getString(1));
                    assertEquals(instructor.membershipId(), rs.getLong(2), "only staff reads are recorded");
                }
            }
        }
        assertTrue(reads.containsAll(List.of("exercise:one-to-one-log", "print", "history:project-canvas/people", "pdf")),
                "every staff read is recorded: " + reads);
        assertEquals(5, reads.size(), "and nothing for the student's own reads: " + reads);
        assertTrue(student.get("/app/home").body().contains("Ingrid Auditor" + other + " (Instructor) opened print"),
                "the student sees who read their work");

        Map<String, byte[]> archive = unzip(student.download("/export/my-data.zip"));
        assertTrue(archive.containsKey("workbook-course-" + student.courseId() + ".pdf"), archive.keySet().toString());
        assertTrue(new String(archive.get("workbook-course-" + student.courseId() + ".pdf"), 0, 5).startsWith("%PDF"));
        JsonNode parts = JSON.readTree(archive.get("archive.json")).path("parts");
        assertEquals(subject, parts.at("/people/members/0/subject").asText());
        assertEquals(name, parts.at("/people/members/0/name").asText());
        JsonNode people = answer(parts, "project-canvas", "people");
        assertEquals(2, people.path("revisions").size(), "answers with their whole history");
        assertTrue(people.at("/revisions/0/value").asText().contains("draft"));
        assertTrue(answer(parts, "one-to-one-log", "meetings").toString().contains(met), "the student's own notes in full");
        assertEquals(1, parts.at("/workbook/submissions").size());
        assertEquals(gradeComment, parts.at("/grades/grades/0/comment").asText());
        assertEquals(90.0, parts.at("/grades/grades/0/scoreGiven").asDouble());
        assertEquals(5, parts.path("reads").size());
        assertEquals("Ingrid Auditor" + other, parts.at("/reads/0/viewerName").asText(), "the export says who read the work");
        assertTrue(parts.has("launch"));

        JsonNode courseArchive = JSON.readTree(unzip(instructor.download("/export/course.zip")).get("archive.json"));
        assertFalse(courseArchive.toString().contains(met), "a course export keeps the names of people met out too");
        assertTrue(courseArchive.toString().contains(story));
        assertEquals(403, student.downloadStatus("/export/course.zip"), "only instructors export a course");

        Browser admin = new Browser();
        String adminAuth = "Bearer " + adminToken();
        String confirm = admin.get(BASE + "/admin/privacy/people/" + personId + "/erase", "Authorization", adminAuth).body();
        assertTrue(confirm.contains(name), confirm);
        assertTrue(confirm.contains("7 workbook answers") && confirm.contains("8 saved versions"), confirm);
        assertTrue(confirm.contains("1 submissions") && confirm.contains("1 grades") && confirm.contains("5 records of staff"),
                confirm);
        HttpResponse<String> wrong = admin.post(BASE + "/admin/privacy/people/" + personId + "/erase",
                Map.of("confirm", "Zephyrine"), "Authorization", adminAuth);
        assertEquals(422, wrong.statusCode());
        assertTrue(wrong.body().contains("does not match"));
        assertTrue(count("SELECT COUNT(*) FROM person WHERE id = " + personId) == 1, "nothing deleted on a wrong name");
        HttpResponse<String> erased = admin.post(BASE + "/admin/privacy/people/" + personId + "/erase",
                Map.of("confirm", name.toUpperCase()), "Authorization", adminAuth);
        assertEquals(200, erased.statusCode(), erased.body());
        assertTrue(erased.body().contains("Deleted."), erased.body());

        List<String> traces = traces(List.of(subject, name, mark, story), List.of(personId, membershipId));
        assertTrue(traces.isEmpty(), "nothing of the deleted person is left in any table: " + traces);
        assertEquals(200, instructor.get("/app/home").statusCode(), "the course goes on for the others");
    }

    @Test
    void aCourseExportedHereIsImportedIntoAnotherCourseWithItsHistorySubmissionsAndGrades() throws Exception {
        String from = "ctx-from-" + UUID.randomUUID();
        String to = "ctx-to-" + UUID.randomUUID();
        String subject = "mover-" + UUID.randomUUID();
        String movedSubject = "moved-" + UUID.randomUUID();
        Lti student = Lti.launch(subject, "Mover Student", LEARNER, from, "en");
        Lti instructor = Lti.launch("teacher-" + UUID.randomUUID(), "Moving Instructor", INSTRUCTOR, from, "en");
        student.save(CANVAS, "people", 0, "\"<p>Bus riders first</p>\"");
        student.save(CANVAS, "people", 1, "\"<p>Bus riders of line 9</p>\"");
        student.save(CANVAS, "problem", 0, "\"<p>Cuts</p>\"");
        student.save(CANVAS, "resources", 0, "[\"Riders\"]");
        student.save(CANVAS, "power", 0, "\"<p>Votes</p>\"");
        student.save(CANVAS, "outcome", 0, "\"Keep line 9\"");
        student.save(CANVAS, "outcome-date", 0, "\"2027-05-01\"");
        student.post(CANVAS + "/submit", Map.of());
        instructor.post("/app/grades", Map.of("personId", String.valueOf(student.personId()), "score", "77", "comment", "Moved well"));
        byte[] zip = instructor.download("/export/course.zip");

        Lti target = Lti.launch("teacher-" + UUID.randomUUID(), "Receiving Instructor", INSTRUCTOR, to, "en");
        HttpResponse<String> imported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(BASE + "/admin/privacy/import?course=" + target.courseId()))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/zip")
                .header("X-Subject-Map", java.net.URLEncoder.encode(subject + " = " + movedSubject, "UTF-8"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, imported.statusCode(), imported.body());
        assertTrue(imported.body().contains("Imported:"), imported.body());

        Lti moved = Lti.launch(movedSubject, "Mover Student", LEARNER, to, "en");
        String page = moved.get(CANVAS).body();
        assertTrue(page.contains("Bus riders of line 9"), "the work arrived with the person, matched by the mapping");
        assertTrue(page.contains("data-status=\"SUBMITTED\"") || page.contains("Submitted"), page);
        assertTrue(moved.get(CANVAS + "/fields/people/history").body().contains("Bus riders first"), "with its history");
        assertEquals(1, count("SELECT COUNT(*) FROM grade WHERE course_id = " + target.courseId() + " AND comment = 'Moved well'"));

        HttpResponse<String> notAnArchive = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(BASE + "/admin/privacy/import?course=" + target.courseId()))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hello\": 1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(422, notAnArchive.statusCode());
        assertTrue(notAnArchive.body().contains("not an Organizing Workbench archive"));
    }

    @Test
    void anLmsThatSendsNoNameGetsANeutralLabelInThePagesLanguage() throws Exception {
        String course = "ctx-anon-" + UUID.randomUUID();
        Lti student = Lti.launch("anon-" + UUID.randomUUID(), null, LEARNER, course, "es");
        Matcher label = Pattern.compile("Participante ([0-9a-f]{6})").matcher(student.home);
        assertTrue(label.find(), student.home);
        Lti instructor = Lti.launch("teacher-" + UUID.randomUUID(), "Named Instructor", INSTRUCTOR, course, "en");
        assertTrue(instructor.get("/app/roster").body().contains("Participant " + label.group(1)),
                "staff tell unnamed people apart by the same stable label");
        assertEquals(0, count("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = 'person' AND COLUMN_NAME IN ('email', 'given_name', 'family_name', 'locale')"),
                "the tool keeps no email, given or family name, or locale");
    }

    @Test
    void courseDeletionIsItsOwnConfirmedActionAndTheRetentionPeriodWarnsThenDeletes() throws Exception {
        String adminAuth = "Bearer " + adminToken();
        Browser admin = new Browser();
        String kept = "ctx-kept-" + UUID.randomUUID();
        Lti keeper = Lti.launch("keeper-" + UUID.randomUUID(), "Keeper Student", LEARNER, kept, "en");
        keeper.save(CANVAS, "people", 0, "\"<p>Kept work</p>\"");
        long deploymentRow = count("SELECT d.id FROM deployment d JOIN platform p ON p.id = d.platform_id"
                + " WHERE p.issuer = '" + ISSUER + "' AND d.deployment_id = '" + DEPLOYMENT + "'");
        HttpResponse<String> removal = admin.post(BASE + "/admin/deployments/" + deploymentRow + "/remove", Map.of(),
                "Authorization", adminAuth);
        assertTrue(removal.body().contains("still has courses"), removal.body());
        assertEquals(1, count("SELECT COUNT(*) FROM workbook_answer WHERE course_id = " + keeper.courseId()),
                "removing a deployment never deletes students' work");

        String title = "Course to delete " + UUID.randomUUID();
        Lti doomed = Lti.launch("doomed-" + UUID.randomUUID(), "Doomed Student", LEARNER, "ctx-del-" + UUID.randomUUID(), "en", title);
        doomed.save(CANVAS, "people", 0, "\"<p>Soon gone</p>\"");
        String confirm = admin.get(BASE + "/admin/privacy/courses/" + doomed.courseId() + "/erase", "Authorization", adminAuth).body();
        assertTrue(confirm.contains(title) && confirm.contains("1 course memberships") && confirm.contains("1 workbook answers"), confirm);
        assertEquals(422, admin.post(BASE + "/admin/privacy/courses/" + doomed.courseId() + "/erase", Map.of("confirm", "yes"),
                "Authorization", adminAuth).statusCode());
        assertEquals(200, admin.post(BASE + "/admin/privacy/courses/" + doomed.courseId() + "/erase", Map.of("confirm", title),
                "Authorization", adminAuth).statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM course WHERE id = " + doomed.courseId()));
        assertEquals(0, count("SELECT COUNT(*) FROM person WHERE id = " + doomed.personId()),
                "people left without any course go with it");

        String ended = "ctx-ended-" + UUID.randomUUID();
        Lti old = Lti.launch("old-" + UUID.randomUUID(), "Old Student", LEARNER, ended, "en");
        Lti oldTeacher = Lti.launch("old-teacher-" + UUID.randomUUID(), "Old Instructor", INSTRUCTOR, ended, "en");
        old.save(CANVAS, "people", 0, "\"<p>Long ago</p>\"");
        execute("UPDATE workbook_answer SET saved_at = NOW() - INTERVAL 3 YEAR WHERE course_id = " + old.courseId());
        assertEquals(200, admin.post(BASE + "/admin/privacy/retention", Map.of(), "Authorization", adminAuth).statusCode());
        assertTrue(oldTeacher.get("/app/home").body().contains("id=\"retention-notice\""), "the instructor is told first");
        assertFalse(keeper.get("/app/home").body().contains("retention-notice"));
        assertEquals(1, count("SELECT COUNT(*) FROM course WHERE id = " + old.courseId()), "and the course is kept meanwhile");
        execute("UPDATE course_privacy SET retention_notice_at = NOW() - INTERVAL 31 DAY WHERE course_id = " + old.courseId());
        assertEquals(200, admin.post(BASE + "/admin/privacy/retention", Map.of(), "Authorization", adminAuth).statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM course WHERE id = " + old.courseId()), "after the notice, it is deleted");
        assertEquals(1, count("SELECT COUNT(*) FROM course WHERE id = " + keeper.courseId()), "active courses stay");
    }

    // --- what is left in the database ---------------------------------------------------------------------------

    /** Every column of every table that holds one of the texts or numbers, as "table.column". */
    private static List<String> traces(List<String> texts, List<Long> ids) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection db = db(); PreparedStatement columns = db.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()");
             ResultSet rs = columns.executeQuery()) {
            List<String[]> all = new ArrayList<>();
            while (rs.next()) {
                all.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3).toLowerCase()});
            }
            for (String[] c : all) {
                boolean text = c[2].contains("char") || c[2].contains("text") || c[2].equals("json");
                boolean number = c[2].equals("bigint") || c[2].equals("int");
                List<Object> needles = new ArrayList<>(text ? texts : List.of());
                if (number) {
                    needles.addAll(ids);
                }
                for (Object needle : needles) {
                    String sql = "SELECT COUNT(*) FROM `" + c[0] + "` WHERE `" + c[1] + "` "
                            + (text ? "LIKE CONCAT('%', ?, '%')" : "= ?");
                    try (PreparedStatement q = db.prepareStatement(sql)) {
                        q.setObject(1, needle);
                        try (ResultSet hit = q.executeQuery()) {
                            hit.next();
                            if (hit.getLong(1) > 0) {
                                found.add(c[0] + "." + c[1] + " holds " + needle);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static long bumpAutoIncrement(Connection db, String table) throws Exception {
        long next = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        try (PreparedStatement alter = db.prepareStatement("ALTER TABLE " + table + " AUTO_INCREMENT = " + next)) {
            alter.execute();
        }
        return next;
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }

    private static long count(String sql) throws Exception {
        try (Connection db = db(); PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection db = db(); PreparedStatement q = db.prepareStatement(sql)) {
            q.execute();
        }
    }

    private static JsonNode answer(JsonNode parts, String exercise, String field) {
        for (JsonNode a : parts.at("/workbook/answers")) {
            if (a.path("exercise").asText().equals(exercise) && a.path("field").asText().equals(field)) {
                return a;
            }
        }
        throw new AssertionError("no answer " + exercise + "/" + field + " in " + parts);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertNotNull(entries.get("archive.json"), entries.keySet().toString());
        return entries;
    }

    private static String adminToken() throws Exception {
        HttpResponse<String> signedIn = new Browser().post(BASE + "/admin/session", Map.of("secret", "it-admin-secret-for-tests"));
        assertEquals(200, signedIn.statusCode());
        return bearerIn(signedIn.body());
    }

    private static String bearerIn(String page) {
        Matcher m = Pattern.compile("Bearer ([A-Za-z0-9_.-]+)").matcher(Browser.unescape(page));
        assertTrue(m.find(), "the page carries its token");
        return m.group(1);
    }

    /** A person launched from the test LMS into a course, with their session token. */
    private static final class Lti {
        final String token;
        final String subject;
        final String home;
        private final Browser browser = new Browser();

        private Lti(String token, String subject, String home) {
            this.token = token;
            this.subject = subject;
            this.home = home;
        }

        static Lti launch(String subject, String name, String role, String context, String locale) throws Exception {
            return launch(subject, name, role, context, locale, "Privacy course " + context);
        }

        static Lti launch(String subject, String name, String role, String context, String locale, String title) throws Exception {
            Browser browser = new Browser();
            Map<String, String> login = new LinkedHashMap<>();
            login.put("iss", ISSUER);
            login.put("login_hint", subject);
            login.put("target_link_uri", BASE + "/");
            login.put("client_id", CLIENT);
            login.put("lti_deployment_id", DEPLOYMENT);
            HttpResponse<String> started = browser.post(BASE + "/lti/login", login);
            assertEquals(303, started.statusCode(), started.body());
            Map<String, String> auth = Browser.query(URI.create(started.headers().firstValue("Location").orElseThrow()));
            long now = Instant.now().getEpochSecond();
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", ISSUER);
            claims.put("aud", CLIENT);
            claims.put("sub", subject);
            claims.put("iat", now);
            claims.put("exp", now + 60);
            claims.put("nonce", auth.get("nonce"));
            if (name != null) {
                claims.put("name", name);
            }
            claims.put("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest");
            claims.put("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0");
            claims.put("https://purl.imsglobal.org/spec/lti/claim/deployment_id", DEPLOYMENT);
            claims.put("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", BASE + "/");
            claims.put("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role));
            claims.put("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", context, "title", title));
            claims.put("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "link-" + context,
                    "title", "Workbook"));
            claims.put("https://purl.imsglobal.org/spec/lti/claim/launch_presentation", Map.of("locale", locale));
            claims.put("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of("scope",
                    List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                    "lineitem", lms.url("/lineitems/" + context)));
            HttpResponse<String> landed = browser.post(BASE + "/lti/launch", Map.of("id_token", lms.sign(claims),
                    "state", auth.get("state")));
            assertEquals(200, landed.statusCode(), landed.body());
            return new Lti(bearerIn(landed.body()), subject, landed.body());
        }

        HttpResponse<String> get(String path) throws Exception {
            return browser.get(BASE + path, "Authorization", "Bearer " + token);
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            return browser.post(BASE + path, form, "Authorization", "Bearer " + token);
        }

        void save(String exercise, String field, int base, String valueJson) throws Exception {
            String body = "{\"base\": " + base + ", \"saveId\": \"" + UUID.randomUUID() + "\", \"value\": " + valueJson + "}";
            HttpResponse<String> saved = browser.put(BASE + exercise + "/fields/" + field, body, "Authorization", "Bearer " + token);
            assertEquals(200, saved.statusCode(), field + ": " + saved.body());
        }

        HttpResponse<byte[]> pdf(long learner) throws Exception {
            return binary("/export/workbook.pdf", "learner=" + learner);
        }

        byte[] download(String path) throws Exception {
            HttpResponse<byte[]> answer = binary(path, "");
            assertEquals(200, answer.statusCode());
            assertEquals("application/zip", answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            return answer.body();
        }

        int downloadStatus(String path) throws Exception {
            return binary(path, "").statusCode();
        }

        private HttpResponse<byte[]> binary(String path, String form) throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        long personId() throws Exception {
            return count("SELECT id FROM person WHERE subject = '" + subject + "'");
        }

        long membershipId() throws Exception {
            return count("SELECT m.id FROM membership m JOIN person p ON p.id = m.person_id WHERE p.subject = '" + subject + "'");
        }

        long courseId() throws Exception {
            return count("SELECT m.course_id FROM membership m JOIN person p ON p.id = m.person_id WHERE p.subject = '"
                    + subject + "'");
        }
    }
}
