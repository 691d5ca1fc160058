package org.organizingworkbench.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.organizingworkbench.it.EmulatorLaunch.Lms;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 9: grades, roles and activities as a real Moodle 4.3 and a real Canvas show them. Each flow runs against both
 * of the emulator's flavours (whose service rules are the platforms': Moodle drops a score unless FullyGraded, refuses
 * staff with 400 and a score in the same second with 409; Canvas keeps a pending score, refuses staff with 422 and an
 * older timestamp with 400), and reads each emulated gradebook back as the LMS would show it.
 */
@ExtendWith(SharedTool.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LmsFlavoursIT {

    private static final String BASE = EmulatorLaunch.TOOL;
    private static final String EMULATOR = EmulatorLaunch.EMULATOR;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String EXERCISE = "public-narrative";
    private static final String WORK = "/app/workbook/exercises/" + EXERCISE;
    private static final String EDITOR = "/app/curriculum/exercises/" + EXERCISE;
    private static final String STUDENT = "demo-student-1";
    private static final String TITLE = "Module 3 \u00b7 My public narrative";
    /** The two due dates the instructor sets, and the moment each ends anywhere on Earth (what the LMS is told). */
    private static final String FIRST_DUE = "2027-03-15";
    private static final String FIRST_DEADLINE = "2027-03-16T11:59:59Z";
    private static final String SECOND_DUE = "2027-04-01";
    private static final String SECOND_DEADLINE = "2027-04-02T11:59:59Z";
    private static final Pattern TAG_INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>",
            Pattern.DOTALL);

    /** The activity each LMS made of the Deep Linking response: its resource link id. */
    private static final Map<Lms, String> PLACED = new EnumMap<>(Lms.class);

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void placingAGradedExerciseMakesOneRecognisableColumnOnItsPointsAndCanvasTakesTheDueDate() throws Exception {
        for (Lms lms : Lms.values()) {
            Session instructor = Session.launch(lms, "demo-instructor-1", "resource-link");
            setDueDate(instructor, FIRST_DUE);
            HttpResponse<String> picker = EmulatorLaunch.launch(new Browser(), lms, "demo-instructor-1", "deep-linking");
            assertEquals(200, picker.statusCode(), picker.body());
            String context = attribute(picker.body(), "input[^>]*name=\"context\"", "value");
            HttpResponse<String> answer = new Browser().post(BASE + "/app/deep-link", Map.of("context", context,
                    "exercise", EXERCISE, "points-" + EXERCISE, "25"), "Authorization", "Bearer " + bearer(picker.body()));
            assertEquals(200, answer.statusCode(), answer.body());
            HttpResponse<String> returned = new Browser().post(EMULATOR + "/emulator/deep-link-return",
                    Map.of("JWT", attribute(answer.body(), "input[^>]*name=\"JWT\"", "value")));
            assertEquals(200, returned.statusCode(), lms + ": " + returned.body());

            Map<String, Object> book = gradebook(lms);
            assertEquals(lms.name(), book.get("flavour"));
            Map<String, Object> activity = ((List<Object>) book.get("activities")).stream().map(a -> (Map<String, Object>) a)
                    .filter(a -> EXERCISE.equals(((Map<String, Object>) a.get("custom")).get("exercise"))).findFirst().orElseThrow();
            PLACED.put(lms, (String) activity.get("linkId"));
            Map<String, Object> column = lineItem(lms).orElseThrow();
            assertEquals(TITLE, column.get("label"), lms + ": module and exercise, not nine 'Reflection paper' columns");
            assertEquals(TITLE, activity.get("title"));
            assertEquals(25.0, ((Number) column.get("scoreMaximum")).doubleValue(), lms + ": the points chosen");
            assertEquals(EXERCISE, column.get("resourceId"));
            if (lms == Lms.CANVAS) {
                assertEquals(FIRST_DEADLINE, column.get("endDateTime"), "Canvas: the assignment is due when the exercise is");
            } else {
                assertNull(column.get("endDateTime"), "Moodle 4.3 keeps no due date for an LTI activity");
            }
        }
    }

    @Test
    @Order(2)
    void aSubmissionFromMyWorkbookReachesTheColumnBeforeAnyoneOpenedTheActivity() throws Exception {
        for (Lms lms : Lms.values()) {
            Session student = Session.launch(lms, STUDENT, "resource-link");
            student.save("narrative", 0, "<p>Why I organize: the clinic that closed.</p>");
            student.submit();
            Map<String, Object> result = awaitResult(lms, STUDENT, r -> "Submitted".equals(r.get("activityProgress")));
            assertEquals("PendingManual", result.get("gradingProgress"), lms.name());
            assertNull(result.get("scoreGiven"), lms + ": no score is invented");
            assertEquals(lms == Lms.CANVAS ? "- (needs review)" : "-", result.get("shows"),
                    lms + ": Moodle shows nothing for a submission; Canvas flags it");
        }
    }

    @Test
    @Order(3)
    void gradedResubmittedAndRegradedTheLmsNeverLosesTheGrade() throws Exception {
        for (Lms lms : Lms.values()) {
            Session fellow = Session.launch(lms, "demo-ta-1", "placed:" + PLACED.get(lms));
            String page = fellow.grades();
            String line = line(page, "Amara Okafor");
            assertTrue(line.contains("Score (0 to 25)"), lms + ": staff grade on the column's scale: " + line);
            assertTrue(line.contains(lms == Lms.MOODLE ? "Moodle's gradebook shows \"-\"" : "Canvas has the submission"),
                    lms + ": the text says what this LMS shows: " + line);
            fellow.grade(personId(line), "22", "Clear story of self");
            Map<String, Object> graded = awaitResult(lms, STUDENT, r -> "22".equals(r.get("shows")));
            assertEquals("FullyGraded", graded.get("gradingProgress"));
            int acceptedBefore = ((Number) graded.get("accepted")).intValue();

            Session student = Session.launch(lms, STUDENT, "resource-link");
            student.save("narrative", 1, "<p>Why I organize: the clinic that closed, and who stood up.</p>");
            student.submit();
            String waiting = awaitGrades(fellow, "Amara Okafor", "Submitted again on");
            assertTrue(waiting.contains(lms == Lms.MOODLE ? "Moodle still shows your grade" : "Canvas keeps your grade"),
                    waiting);
            Map<String, Object> after;
            if (lms == Lms.CANVAS) {
                after = awaitResult(lms, STUDENT, r -> "22 (needs review)".equals(r.get("shows")));
            } else {
                Thread.sleep(4000); // worker rounds enough for any score the resubmission might have sent
                after = result(lms, STUDENT).orElseThrow();
            }
            assertEquals(22.0, ((Number) after.get("grade")).doubleValue(), lms + ": a student's action never changes the grade");
            if (lms == Lms.MOODLE) {
                assertEquals("22", after.get("shows"));
                assertEquals(acceptedBefore, ((Number) after.get("accepted")).intValue(), "Moodle is told nothing");
            } else {
                assertEquals("22 (needs review)", after.get("shows"), "Canvas keeps the score and flags the new work");
                assertEquals("PendingManual", after.get("gradingProgress"));
                assertEquals(22.0, ((Number) after.get("scoreGiven")).doubleValue());
            }

            fellow.grade(personId(line), "24", "Stronger with the turning point");
            Map<String, Object> regraded = awaitResult(lms, STUDENT, r -> "24".equals(r.get("shows")));
            assertEquals("FullyGraded", regraded.get("gradingProgress"));
            assertFalse(line(fellow.grades(), "Amara Okafor").contains("Submitted again on"), "the new work is graded");
        }
    }

    @Test
    @Order(4)
    void staffNeverGetAScore() throws Exception {
        Session canvasInstructor = Session.launch(Lms.CANVAS, "demo-instructor-1", "placed:" + PLACED.get(Lms.CANVAS));
        assertTrue(RosterSyncing.syncAndWait(canvasInstructor.token()).contains("The LMS lists 13 members"));
        String canvasList = canvasInstructor.grades();
        assertEquals(10, count(canvasList, "data-person=\""), "Canvas: ten students, no staff: " + canvasList);
        for (String staff : List.of("Marta Alvarez", "Jordan Lee", "Lucía Fernández")) {
            assertFalse(Browser.unescape(canvasList).contains("<legend>" + staff + "</legend>"), staff);
        }

        // Moodle lists its non-editing teacher as Learner until she launches (as Instructor).
        Session moodleInstructor = Session.launch(Lms.MOODLE, "demo-instructor-1", "placed:" + PLACED.get(Lms.MOODLE));
        assertTrue(RosterSyncing.syncAndWait(moodleInstructor.token()).contains("The LMS lists 14 members"));
        String noor = line(moodleInstructor.grades(), "Noor Haddad");
        moodleInstructor.grade(personId(noor), "20", "");
        String refused = awaitGrades(moodleInstructor, "Noor Haddad", "Failed: the LMS refused this grade");
        assertTrue(refused.contains("Incorrect score received"), "Moodle's own reason: " + refused);
        assertTrue(result(Lms.MOODLE, "demo-noneditor-1").isEmpty(), "Moodle holds nothing for her");

        // A grade queued while she still looked like a student is refused by the tool once she is staff.
        fault("FAIL", 1000);
        try {
            Matcher resend = Pattern.compile("hx-post=\"(/app/grades/\\d+/resend)\"").matcher(refused);
            assertTrue(resend.find(), refused);
            assertEquals(200, moodleInstructor.post(resend.group(1), Map.of()).statusCode());
            awaitDelivery("demo-noneditor-1", "PENDING", null);
            Session.launch(Lms.MOODLE, "demo-noneditor-1", "resource-link");
        } finally {
            fault("FAIL", 0);
        }
        awaitDelivery("demo-noneditor-1", "FAILED", "refused-by-tool:staff");
        assertTrue(result(Lms.MOODLE, "demo-noneditor-1").isEmpty(), "never POSTed for staff");
        assertFalse(Browser.unescape(moodleInstructor.grades()).contains("Noor Haddad"),
                "once she launched as staff she is not in the grading list");
    }

    @Test
    @Order(5)
    void aChangedDueDateReachesTheColumnWhereTheLmsKeepsDueDates() throws Exception {
        for (Lms lms : Lms.values()) {
            setDueDate(Session.launch(lms, "demo-instructor-1", "resource-link"), SECOND_DUE);
            awaitDueTold(lms, SECOND_DUE);
            Map<String, Object> column = lineItem(lms).orElseThrow();
            if (lms == Lms.CANVAS) {
                assertEquals(SECOND_DEADLINE, column.get("endDateTime"), "the line item PUT moved Canvas's due date");
            } else {
                assertNull(column.get("endDateTime"), "Moodle takes the PUT and keeps no date");
            }
            assertEquals(TITLE, column.get("label"), "the PUT kept the rest of the column");
            assertEquals(25.0, ((Number) column.get("scoreMaximum")).doubleValue());
        }
    }

    @Test
    @Order(6)
    void disablingADeploymentStopsItsLaunchesKeepsTheCourseAndEnablingReconnectsIt() throws Exception {
        long courseBefore = courseId(Lms.CANVAS);
        Browser admin = new Browser();
        HttpResponse<String> signedIn = admin.post(BASE + "/admin/session", Map.of("secret", "it-admin-secret-for-tests"));
        assertEquals(200, signedIn.statusCode());
        String adminToken = bearer(signedIn.body());
        Matcher disable = Pattern.compile("data-deployment=\"" + Lms.CANVAS.deploymentId
                + "\">.*?hx-post=\"(/admin/deployments/(\\d+)/disable)\"", Pattern.DOTALL).matcher(signedIn.body());
        assertTrue(disable.find(), signedIn.body());
        assertTrue(signedIn.body().contains("deletes nothing"), "the page says disabling keeps the data");
        HttpResponse<String> disabled = admin.post(BASE + disable.group(1), Map.of(), "Authorization", "Bearer " + adminToken);
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertTrue(disabled.body().contains("Disabled (data kept)"), disabled.body());

        HttpResponse<String> refused = EmulatorLaunch.launch(new Browser(), Lms.CANVAS, STUDENT, "resource-link");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("<code id=\"rule\">DEPLOYMENT_DISABLED</code>"), refused.body());
        assertEquals(courseBefore, courseId(Lms.CANVAS), "the course is kept");

        HttpResponse<String> enabled = admin.post(BASE + "/admin/deployments/" + disable.group(2) + "/approve", Map.of(),
                "Authorization", "Bearer " + adminToken);
        assertEquals(200, enabled.statusCode());
        Session student = Session.launch(Lms.CANVAS, STUDENT, "resource-link");
        assertEquals(courseBefore, courseId(Lms.CANVAS), "the same course again");
        assertTrue(student.get(WORK).body().contains("data-status=\"SUBMITTED\""), "the student's submitted work is there");
    }

    @Test
    @Order(7)
    void inABrowserTheGradesTheGradebookAndTheAdminPageAreAccessibleInBothLanguagesAndFitAPhone() throws Exception {
        Session student = Session.launch(Lms.CANVAS, STUDENT, "resource-link");
        student.save("narrative", 2, "<p>Why I organize: the clinic, who stood up, and what we won.</p>");
        student.submit();
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        WebDriver driver = Chromium.start(Map.of("profile.block_third_party_cookies", true, "profile.cookie_controls_mode", 1));
        try {
            driver.get(EMULATOR + "/emulator/canvas");
            Chromium.assertAccessible(driver, "the Canvas course page with its gradebook");
            openPlaced(driver, "demo-ta-1");
            WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("grades"), "Submitted again on"));
            String grades = driver.findElement(By.id("grades")).getText();
            assertTrue(grades.contains("Canvas keeps your grade") && grades.contains("Score (0 to 25)"), grades);
            Chromium.assertAccessible(driver, "grades with newer work waiting");
            scrollTo(driver, "#grades .newer-work");
            frameShot(driver, screenshots, "grades-newer-work-canvas");
            driver.manage().window().setSize(new Dimension(390, 844));
            Object overflow = ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertEquals(Boolean.FALSE, overflow, "no sideways scrolling on a phone");
            scrollTo(driver, "#grades .newer-work");
            frameShot(driver, screenshots, "grades-newer-work-canvas-phone");
            driver.manage().window().setSize(new Dimension(1280, 900));

            openPlaced(driver, "demo-ta-2");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grades [data-person]")));
            String spanish = driver.findElement(By.tagName("html")).getAttribute("lang") + " "
                    + driver.findElement(By.id("grades")).getText();
            assertTrue(spanish.startsWith("es") && !spanish.contains("??"), spanish);
            Chromium.assertAccessible(driver, "grades in Spanish");
            scrollTo(driver, "#grades");
            frameShot(driver, screenshots, "grades-es-canvas");

            driver.switchTo().defaultContent();
            driver.get(BASE + "/admin");
            driver.findElement(By.id("secret")).sendKeys("it-admin-secret-for-tests", Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.deployment-disable")));
            Chromium.assertAccessible(driver, "admin page with Disable");
            Files.write(screenshots.resolve("admin-deployments.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } finally {
            Chromium.quit(driver);
        }
    }

    /** The Canvas course page's placed activity, opened as the given member, with Platform Storage offered. */
    private static void openPlaced(WebDriver driver, String member) {
        driver.switchTo().defaultContent();
        driver.get(EMULATOR + "/emulator/canvas");
        WebElement form = driver.findElement(By.cssSelector("form.placed-form[data-link='" + PLACED.get(Lms.CANVAS) + "']"));
        new Select(form.findElement(By.name("login_hint"))).selectByValue(member);
        form.findElement(By.cssSelector("button[data-placed]")).click();
        driver.switchTo().frame("tool-frame");
    }

    /** Scrolls the tool's frame to the element (axe leaves the browser on the top page: back into the frame first). */
    private static void scrollTo(WebDriver driver, String selector) {
        driver.switchTo().defaultContent();
        driver.switchTo().frame("tool-frame");
        ((JavascriptExecutor) driver).executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});",
                selector);
    }

    private static void frameShot(WebDriver driver, Path folder, String name) throws Exception {
        driver.switchTo().defaultContent();
        WebElement frame = driver.findElement(By.id("tool-frame"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", frame);
        Files.write(folder.resolve(name + ".png"), frame.getScreenshotAs(OutputType.BYTES));
        driver.switchTo().frame("tool-frame");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** A launched person's session in one of the emulated LMSs. */
    private record Session(Browser browser, String token) {

        static Session launch(Lms lms, String user, String hint) throws Exception {
            Browser browser = new Browser();
            HttpResponse<String> home = EmulatorLaunch.launch(browser, lms, user, hint);
            assertEquals(200, home.statusCode(), home.body());
            return new Session(browser, bearer(home.body()));
        }

        HttpResponse<String> get(String path) throws Exception {
            return browser.get(BASE + path, "Authorization", "Bearer " + token);
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            return browser.post(BASE + path, form, "Authorization", "Bearer " + token);
        }

        void save(String field, int base, String html) throws Exception {
            String body = "{\"base\": " + base + ", \"saveId\": \"" + java.util.UUID.randomUUID() + "\", \"value\": \""
                    + html.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
            HttpResponse<String> saved = browser.put(BASE + WORK + "/fields/" + field, body, "Authorization", "Bearer " + token);
            assertEquals(200, saved.statusCode(), saved.body());
        }

        void submit() throws Exception {
            HttpResponse<String> submitted = post(WORK + "/submit", Map.of());
            assertEquals(200, submitted.statusCode(), submitted.body());
            assertTrue(submitted.body().contains("data-status=\"SUBMITTED\""), submitted.body());
        }

        String grades() throws Exception {
            HttpResponse<String> page = get("/app/grades");
            assertEquals(200, page.statusCode(), page.body());
            return page.body();
        }

        void grade(long personId, String score, String comment) throws Exception {
            HttpResponse<String> saved = post("/app/grades", Map.of("personId", String.valueOf(personId), "score", score,
                    "comment", comment));
            assertEquals(200, saved.statusCode(), saved.body());
            assertFalse(saved.body().contains("aria-invalid=\"true\""), saved.body());
        }
    }

    private static void setDueDate(Session instructor, String due) throws Exception {
        HttpResponse<String> editor = instructor.get(EDITOR);
        assertEquals(200, editor.statusCode(), editor.body());
        Map<String, String> form = formIn(editor.body(), "exercise-form");
        form.put("due", due);
        HttpResponse<String> saved = instructor.post(EDITOR, form);
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("data-notice=\"editor.saved\""), saved.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> gradebook(Lms lms) throws Exception {
        return JSONObjectUtils.parse(new Browser().get(EMULATOR + "/emulator/gradebook/" + lms.context).body());
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> lineItem(Lms lms) throws Exception {
        return ((List<Object>) gradebook(lms).get("lineItems")).stream().map(i -> (Map<String, Object>) i)
                .filter(i -> PLACED.get(lms).equals(i.get("resourceLinkId"))).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> result(Lms lms, String user) throws Exception {
        return lineItem(lms).flatMap(item -> ((List<Object>) item.get("results")).stream().map(r -> (Map<String, Object>) r)
                .filter(r -> user.equals(r.get("userId"))).findFirst());
    }

    private static Map<String, Object> awaitResult(Lms lms, String user, Predicate<Map<String, Object>> done) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        Optional<Map<String, Object>> result = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            result = result(lms, user);
            if (result.isPresent() && done.test(result.get())) {
                return result.get();
            }
            Thread.sleep(300);
        }
        fail(lms + ": " + user + " never reached the LMS as expected; it holds " + result);
        return Map.of();
    }

    private static String awaitGrades(Session staff, String name, String text) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        String line = "";
        while (Instant.now().isBefore(deadline)) {
            line = line(staff.grades(), name);
            if (line.contains(text)) {
                return line;
            }
            Thread.sleep(300);
        }
        fail(name + " never showed \"" + text + "\": " + line);
        return line;
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }

    private static void awaitDelivery(String subject, String status, String lastError) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        String seen = null;
        while (Instant.now().isBefore(deadline)) {
            try (Connection db = db(); PreparedStatement q = db.prepareStatement("SELECT status, last_error FROM grade_delivery"
                    + " WHERE user_id = ? ORDER BY id DESC LIMIT 1")) {
                q.setString(1, subject);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        seen = rs.getString(1) + " " + rs.getString(2);
                        if (status.equals(rs.getString(1)) && (lastError == null || lastError.equals(rs.getString(2)))) {
                            return;
                        }
                    }
                }
            }
            Thread.sleep(300);
        }
        fail("the delivery for " + subject + " never became " + status + " " + lastError + "; it is " + seen);
    }

    private static void awaitDueTold(Lms lms, String due) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            try (Connection db = db(); PreparedStatement q = db.prepareStatement("SELECT rl.lineitem_due FROM resource_link rl"
                    + " JOIN course c ON c.id = rl.course_id WHERE c.context_id = ? AND rl.link_id = ? AND rl.lineitem_due_told")) {
                q.setString(1, lms.context);
                q.setString(2, PLACED.get(lms));
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next() && due.equals(String.valueOf(rs.getDate(1)))) {
                        return;
                    }
                }
            }
            Thread.sleep(300);
        }
        fail(lms + ": the line item was never told the due date " + due);
    }

    private static long courseId(Lms lms) throws Exception {
        try (Connection db = db(); PreparedStatement q = db.prepareStatement("SELECT COUNT(*), MIN(id) FROM course"
                + " WHERE context_id = ?")) {
            q.setString(1, lms.context);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1), "one course for the context");
                return rs.getLong(2);
            }
        }
    }

    private static void fault(String fault, int requests) throws Exception {
        HttpResponse<String> set = new Browser().post(EMULATOR + "/emulator/faults",
                Map.of("service", "SCORES", "fault", fault, "requests", String.valueOf(requests)));
        assertEquals(200, set.statusCode(), set.body());
    }

    private static String line(String page, String name) {
        String html = Browser.unescape(page);
        Matcher line = Pattern.compile("<li[^>]*data-person=\"\\d+\"(?:(?!</li>).)*?<legend>" + Pattern.quote(name)
                + "</legend>.*?</li>", Pattern.DOTALL).matcher(html);
        assertTrue(line.find(), name + " is listed: " + html);
        return line.group();
    }

    private static long personId(String line) {
        Matcher id = Pattern.compile("data-person=\"(\\d+)\"").matcher(line);
        assertTrue(id.find());
        return Long.parseLong(id.group(1));
    }

    private static String bearer(String page) {
        Matcher m = Pattern.compile("Bearer ([A-Za-z0-9_.-]+)").matcher(Browser.unescape(page));
        assertTrue(m.find(), "the page carries its session token for htmx");
        return m.group(1);
    }

    private static String attribute(String html, String tag, String name) {
        Matcher m = Pattern.compile("<" + tag + "[^>]*?\\s" + name + "=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), tag + " in " + html);
        return Browser.unescape(m.group(1));
    }

    private static Map<String, String> formIn(String page, String formId) {
        int start = page.indexOf("id=\"" + formId + "\"");
        assertTrue(start >= 0, page);
        String form = page.substring(start, page.indexOf("</form>", start));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher inputs = TAG_INPUT.matcher(form);
        while (inputs.find()) {
            String tag = inputs.group();
            String name = Browser.attribute(tag, "name");
            boolean checkbox = tag.contains("type=\"checkbox\"");
            if (name != null && (!checkbox || tag.contains("checked"))) {
                fields.put(name, Browser.attribute(tag, "value") == null ? "" : Browser.attribute(tag, "value"));
            }
        }
        Matcher areas = TEXTAREA.matcher(form);
        while (areas.find()) {
            fields.put(areas.group(1), Browser.unescape(areas.group(2)));
        }
        return fields;
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
