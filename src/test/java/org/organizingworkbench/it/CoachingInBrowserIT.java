package org.organizingworkbench.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Section coaching through the running tool. Over HTTP: a Fellow of Section A reaches nothing of Section B by any
 * coaching URL, and a student never receives a note kept private to staff. In Chromium, framed by the emulator: a
 * Fellow's day (dashboard → student → comment on a passage → grade with the rubric → release → coaching note →
 * section meeting with attendance) and the student seeing the
 * feedback on their home page and exercise and answering it, at desktop and phone width, with axe, in English and
 * Spanish. Screenshots go to target/screenshots/coaching-*.png.
 */
@ExtendWith(SharedTool.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoachingInBrowserIT {

    private static final String BASE = EmulatorLaunch.TOOL;
    private static final String EMULATOR = EmulatorLaunch.EMULATOR + "/emulator";
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Map<String, String> TOKENS = new HashMap<>();
    private static WebDriver driver;
    private final Browser browser = new Browser();

    @BeforeAll
    static void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        driver = Chromium.start(Map.of());
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            Chromium.quit(driver);
        }
    }

    @Test
    @Order(1)
    void aFellowOfSectionAReachesNothingOfSectionBByAnyCoachingUrl() throws Exception {
        String instructor = token("demo-instructor-1");
        String fellowA = token("demo-ta-1");
        String studentA = token("demo-student-1");
        long priya = membershipOf("demo-student-6");
        submitStory("demo-student-6");
        String marker = "PRIVATE-" + UUID.randomUUID();
        HttpResponse<String> privateNote = post("/app/coaching/learners/" + priya + "/notes",
                "observation=" + marker + "&diagnosis=HEART&visibility=private", instructor);
        assertEquals(200, privateNote.statusCode(), privateNote.body());
        HttpResponse<String> sharedNote = post("/app/coaching/learners/" + priya + "/notes",
                "observation=Told+her+story&diagnosis=HANDS&commitment=Retell+it+on+Friday&followUpOn=2020-01-01&visibility=shared",
                instructor);
        long note = firstNote(sharedNote.body());
        assertEquals(200, post("/app/coaching/learners/" + priya + "/exercises/story-of-self/feedback",
                "score=12&body=Section+B+feedback&action=release", instructor).statusCode());

        HttpResponse<String> commented = post("/app/coaching/learners/" + priya + "/exercises/story-of-self/comments",
                "field=challenge&quote=challenge+of+my+story&hint=4&body=Where+were+you%3F", instructor);
        assertEquals(200, commented.statusCode(), commented.body());
        Matcher threadId = Pattern.compile("data-thread=\"(\\d+)\"").matcher(commented.body());
        assertTrue(threadId.find(), commented.body());
        String comments = "/app/coaching/learners/" + priya + "/exercises/story-of-self/comments";
        Matcher sectionId = Pattern.compile("data-section=\"(\\d+)\">\\s*<strong>Section B").matcher(
                get("/app/coaching", instructor).body());
        assertTrue(sectionId.find(), "the instructor's dashboard lists Section B");
        String sectionB = sectionId.group(1);
        String feedback = "/app/coaching/learners/" + priya + "/exercises/story-of-self/feedback";
        List<String[]> everyUrl = List.of(
                new String[]{"GET", feedback, ""},
                new String[]{"POST", feedback, "score=20&body=mine&action=release"},
                new String[]{"POST", feedback, "score=20&action=save"},
                new String[]{"POST", feedback + "/replies", "body=hello"},
                new String[]{"GET", "/app/coaching/learners/" + priya, ""},
                new String[]{"POST", comments, "field=challenge&quote=challenge&hint=0&body=x"},
                new String[]{"POST", comments + "/" + threadId.group(1) + "/replies", "body=x"},
                new String[]{"POST", comments + "/" + threadId.group(1) + "/resolve", "resolved=true"},
                new String[]{"POST", "/app/coaching/learners/" + priya + "/notes", "observation=x&diagnosis=HEAD"},
                new String[]{"POST", "/app/coaching/learners/" + priya + "/notes/" + note + "/followed-up", ""},
                new String[]{"POST", "/app/coaching/notes/" + note + "/confirm", ""},
                new String[]{"GET", "/app/coaching/sections/" + sectionB + "/meetings", ""},
                new String[]{"POST", "/app/coaching/sections/" + sectionB + "/meetings", "heldOn=2026-12-07&plan=x"},
                new String[]{"GET", "/app/coaching/learners/987654321/exercises/story-of-self/feedback", ""});
        for (String who : new String[]{fellowA, studentA}) {
            for (String[] url : everyUrl) {
                HttpResponse<String> answer = "GET".equals(url[0]) ? get(url[1], who) : post(url[1], url[2], who);
                assertTrue(answer.statusCode() == 404 || answer.statusCode() == 403,
                        url[0] + " " + url[1] + " answered " + answer.statusCode());
                assertFalse(Browser.unescape(answer.body()).contains("Priya"), url[1] + " names a student of Section B");
            }
        }
        String dashboard = Browser.unescape(get("/app/coaching", fellowA).body());
        assertTrue(dashboard.contains("Amara Okafor") && dashboard.contains("Section A"), dashboard);
        assertFalse(dashboard.contains("Priya") || dashboard.contains("Section B") || dashboard.contains("Lucía"),
                "nothing of Section B on the Fellow's dashboard");
        assertEquals(403, get("/app/coaching", studentA).statusCode());
        assertTrue(Browser.unescape(get("/app/coaching", instructor).body()).contains("Lucía Fernández"),
                "the instructor sees every section with its Fellow");

        String priyas = token("demo-student-6");
        for (String page : new String[]{"/app/coaching/home", feedback}) {
            HttpResponse<String> answer = get(page, priyas);
            assertEquals(200, answer.statusCode(), page);
            assertFalse(answer.body().contains(marker), "a private note reached the student on " + page);
        }
        assertTrue(get("/app/coaching/home", priyas).body().contains("Retell it on Friday"), "the shared commitment");
        assertTrue(get(feedback, priyas).body().contains("Section B feedback"), "released feedback");
        assertEquals(200, post("/app/coaching/notes/" + note + "/confirm", "", priyas).statusCode());
    }

    @Test
    @Order(2)
    void aFellowsDayFromTheDashboardToTheStudentSeeingTheFeedback() throws Exception {
        submitStory("demo-student-1");
        launchInFrame("demo-ta-1");
        driver.findElement(By.cssSelector("nav.appnav a[href='/app/coaching']")).click();
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("heat-map")));
        WebElement queued = wait(5).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//section[@id='grading-queue']//a[contains(., 'Amara Okafor')]")));
        assertTrue(driver.findElement(By.id("heat-map")).getText().contains("Amara Okafor"));
        accessible("Fellow's section dashboard");
        frameShot("coaching-dashboard");
        scrollTo("#heat-map");
        frameShot("coaching-heatmap");

        queued.click();
        WebElement form = wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-form")));
        ((JavascriptExecutor) driver).executeScript("var text = document.querySelector('#field-challenge [data-rich] p').firstChild;"
                + " var range = document.createRange(); range.setStart(text, 4); range.setEnd(text, 16);"
                + " var s = window.getSelection(); s.removeAllRanges(); s.addRange(range);"
                + " document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));");
        assertEquals("challenge of", driver.findElement(By.id("passage-quote")).getAttribute("value"),
                "the selected words fill the comment form");
        driver.findElement(By.id("passage-body")).sendKeys("Where were you? Say what you saw.");
        driver.findElement(By.id("passage-submit")).click();
        wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-status"), "Comment added"));
        assertTrue(driver.findElement(By.cssSelector(".thread .quote")).getText().contains("challenge of"));
        form = wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-form")));
        scrollTo("#feedback");
        frameShot("coaching-exercise-grading");
        form.findElement(By.id("feedback-score-input")).sendKeys("17");
        form.findElement(By.cssSelector("input[name='rubric.choice'][value='strong']")).click();
        form.findElement(By.id("feedback-body-input")).sendKeys("Your moment of choice is vivid. Say what you felt.");
        form.findElement(By.id("feedback-release")).click();
        wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-status"), "Released"));
        assertTrue(driver.findElement(By.id("feedback-state")).getText().contains("Released"));
        accessible("exercise with released feedback");
        scrollTo("#feedback");
        frameShot("coaching-feedback-released");

        driver.findElement(By.xpath("//a[contains(., 'Coaching log of')]")).click();
        WebElement note = wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("note-form")));
        note.findElement(By.id("note-observation")).sendKeys("Told the story in section; the choice was unclear.");
        note.findElement(By.cssSelector("input[name='diagnosis'][value='HANDS']")).click();
        note.findElement(By.id("note-commitment")).sendKeys("Rewrite the moment of choice by Friday");
        note.findElement(By.cssSelector("input[name='visibility'][value='shared']")).click();
        note.findElement(By.cssSelector("button[type='submit']")).click();
        wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notes-status"), "Note added"));
        accessible("coaching log");
        frameShot("coaching-log");

        driver.findElement(By.cssSelector("nav.appnav a[href='/app/coaching']")).click();
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("heat-map")));
        driver.findElement(By.xpath("//a[contains(., 'Meetings of Section A')]")).click();
        WebElement plan = wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting-plan")));
        plan.sendKeys("Story of self in triads; Amara presents.");
        driver.findElement(By.cssSelector("#meeting-form button")).click();
        wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("meetings-status"), "Meeting saved"));
        driver.findElement(By.cssSelector("[data-meeting] input[value='PRESENT']")).click();
        driver.findElement(By.cssSelector("[data-meeting] form button")).click();
        wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("meetings-status"), "Attendance saved"));
        accessible("section meetings");
        frameShot("coaching-meetings");

        phone(() -> {
            driver.findElement(By.cssSelector("nav.appnav a[href='/app/coaching']")).click();
            wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("heat-map")));
            assertNoSidewaysScroll();
            accessible("dashboard on a phone");
            frameShot("coaching-dashboard-phone");
        });

        launchInFrame("demo-student-1");
        home();
        WebElement news = wait(20).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//ul[@id='new-feedback']//a[contains(., 'Jordan Lee')]")));
        assertTrue(driver.findElement(By.id("commitments")).getText().contains("Rewrite the moment of choice"));
        assertTrue(driver.findElement(By.id("open-comments")).getText().contains("open comment"));
        accessible("student's home with new feedback");
        scrollTo("#coaching-heading");
        frameShot("coaching-student-home");
        news.click();
        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-score")));
        assertTrue(driver.findElement(By.id("feedback-score")).getText().contains("17"));
        assertTrue(driver.findElement(By.id("feedback-body")).getText().contains("moment of choice is vivid"));
        assertTrue(driver.findElement(By.cssSelector(".thread")).getText().contains("Say what you saw"),
                "the student sees the comment on their passage");
        driver.findElement(By.id("reply-body")).sendKeys("Thank you, I will retell it.");
        driver.findElement(By.cssSelector(".reply-form button")).click();
        wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-status"), "Answer sent"));
        accessible("student's exercise with feedback");
        scrollTo("#feedback");
        frameShot("coaching-student-feedback");
        phone(() -> {
            assertNoSidewaysScroll();
            scrollTo("#feedback");
            frameShot("coaching-student-feedback-phone");
        });
    }

    @Test
    @Order(3)
    void inSpanishForTheFellowOfSectionBAndHerStudent() throws Exception {
        submitStory("demo-student-7");
        launchInFrame("demo-ta-2");
        driver.findElement(By.cssSelector("nav.appnav a[href='/app/coaching']")).click();
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("heat-map")));
        String page = driver.findElement(By.tagName("html")).getAttribute("lang") + " "
                + driver.findElement(By.id("main")).getText();
        assertTrue(page.startsWith("es") && page.contains("Panel de secci\u00f3n") && !page.contains("??"), page);
        assertFalse(page.contains("Amara"), "nothing of Section A");
        accessible("dashboard in Spanish");
        frameShot("coaching-dashboard-es");
        driver.findElement(By.xpath("//section[@id='grading-queue']//a[contains(., 'Rosa')]")).click();
        WebElement form = wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-form")));
        form.findElement(By.id("feedback-score-input")).sendKeys("15");
        form.findElement(By.id("feedback-body-input")).sendKeys("Muy buen relato.");
        form.findElement(By.id("feedback-release")).click();
        wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-status"), "Publicado"));
        accessible("feedback form in Spanish");
        scrollTo("#feedback");
        frameShot("coaching-feedback-es");
        launchInFrame("demo-student-7");
        home();
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("new-feedback")));
        assertTrue(driver.findElement(By.id("new-feedback")).getText().contains("Comentarios nuevos de Luc\u00eda"));
        accessible("student's home in Spanish");
        phone(() -> {
            assertNoSidewaysScroll();
            scrollTo("#coaching-heading");
            frameShot("coaching-student-home-es-phone");
        });
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** The student writes every part of their story of self and submits it (over HTTP, with their session). */
    private void submitStory(String user) throws Exception {
        String token = token(user);
        String base = BASE + "/app/workbook/exercises/story-of-self";
        for (String field : new String[]{"challenge", "choice", "outcome", "story"}) {
            save(base + "/fields/" + field, "\"<p>The " + field + " of my story.</p>\"", token);
        }
        save(base + "/fields/values", "[\"courage\"]", token);
        HttpResponse<String> submitted = post("/app/workbook/exercises/story-of-self/submit", "", token);
        assertEquals(200, submitted.statusCode());
        assertTrue(submitted.body().contains("Submitted") || submitted.body().contains("Entregado")
                || submitted.body().contains("submission"), submitted.body());
    }

    /** Saves a field's value over whatever the student has there already (other classes share the demo course). */
    private void save(String url, String value, String token) throws Exception {
        int base = 0;
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> saved = browser.put(url, "{\"base\": " + base + ", \"value\": " + value
                    + ", \"saveId\": \"" + UUID.randomUUID() + "\"}", "Authorization", "Bearer " + token);
            if (saved.statusCode() == 200) {
                return;
            }
            Matcher revision = Pattern.compile("\"revision\":(\\d+)").matcher(saved.body());
            assertTrue(saved.statusCode() == 409 && revision.find(), saved.statusCode() + " " + saved.body());
            base = Integer.parseInt(revision.group(1));
        }
        throw new AssertionError("the save of " + url + " did not land");
    }

    private long membershipOf(String user) throws Exception {
        Matcher m = Pattern.compile("data-author=\"(\\d+)\"").matcher(get("/app/workbook/exercises/story-of-self",
                token(user)).body());
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    private static long firstNote(String body) {
        Matcher m = Pattern.compile("data-note=\"(\\d+)\"").matcher(body);
        assertTrue(m.find(), body);
        return Long.parseLong(m.group(1));
    }

    private String token(String user) throws Exception {
        if (!TOKENS.containsKey(user)) {
            TOKENS.put(user, LaunchOverHttpIT.sessionToken(EmulatorLaunch.launch(new Browser(), user, "resource-link").body()));
        }
        return TOKENS.get(user);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return browser.get(BASE + path, "Authorization", "Bearer " + token);
    }

    private HttpResponse<String> post(String path, String form, String token) throws Exception {
        return browser.postEncoded(BASE + path, form, "Authorization", "Bearer " + token);
    }

    private static void launchInFrame(String member) {
        driver.switchTo().defaultContent();
        driver.get(EMULATOR);
        driver.findElement(By.cssSelector("button[data-member='" + member + "']")).click();
        driver.switchTo().frame("tool-frame");
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.appnav")));
    }

    private static void home() {
        driver.findElement(By.cssSelector("nav.appnav a[href='/app/home']")).click();
        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
    }

    private static void phone(ThrowingRunnable steps) throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            steps.run();
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
            driver.switchTo().defaultContent();
            driver.switchTo().frame("tool-frame");
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** axe on the tool's page (the frame's document); axe leaves the driver on the top page, so go back in. */
    private static void accessible(String page) {
        Chromium.assertAccessible(driver, page);
        driver.switchTo().defaultContent();
        driver.switchTo().frame("tool-frame");
    }

    private static void assertNoSidewaysScroll() {
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        assertEquals(Boolean.FALSE, overflow, "no horizontal scrolling inside the frame");
    }

    private static void scrollTo(String selector) {
        ((JavascriptExecutor) driver).executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'start'});",
                selector);
    }

    private static void frameShot(String name) throws Exception {
        driver.switchTo().defaultContent();
        WebElement frame = driver.findElement(By.id("tool-frame"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", frame);
        Files.write(SHOTS.resolve(name + ".png"), frame.getScreenshotAs(OutputType.BYTES));
        driver.switchTo().frame("tool-frame");
    }

    private static WebDriverWait wait(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.withMessage(() -> "the frame shows: " + driver.getPageSource());
        return wait;
    }
}
