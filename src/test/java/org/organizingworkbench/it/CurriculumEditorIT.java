package org.organizingworkbench.it;

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An instructor adapts their course's curriculum over HTTP, against MariaDB: a save stores a new version and moves
 * only this course; an identical save stores nothing; a save based on a version the course left is refused; an
 * invalid one is refused by place; going back moves the pin. Students and Teaching Fellows are refused. The
 * editing courses are synthetic emulator courses, so the demo course other tests rely on keeps the shipped texts.
 */
@ExtendWith(SharedTool.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CurriculumEditorIT {

    private static final String BASE = EmulatorLaunch.TOOL;
    private static final String EXERCISE = "/app/curriculum/exercises/one-to-one-log";
    private static final Pattern TAG_INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>",
            Pattern.DOTALL);

    private static String courseA;
    private static String courseB;
    private static String shippedVersion;
    private static String firstSavedBase;


    @Test
    @Order(1)
    void onlyTheCoursesInstructorsReachTheEditor() throws Exception {
        String student = token("demo-student-1");
        String fellow = token("demo-ta-1");
        for (String refused : new String[]{student, fellow}) {
            assertEquals(403, get("/app/curriculum", refused).statusCode());
            assertEquals(403, get(EXERCISE, refused).statusCode());
            assertEquals(403, get("/app/curriculum/versions", refused).statusCode());
            assertEquals(403, post(EXERCISE + "/visibility", Map.of("base", "1", "hidden", "true"), refused).statusCode());
            assertEquals(403, post("/app/curriculum/versions/1", Map.of("base", "1"), refused).statusCode());
        }
        assertEquals(401, new Browser().get(BASE + "/app/curriculum").statusCode(), "no session, no editor");
        assertFalse(home("demo-student-2").contains("curriculum-editor-link"));
        assertTrue(home("demo-instructor-1").contains("curriculum-editor-link"));
    }

    @Test
    @Order(2)
    void savingAnEditStoresANewVersionAndMovesOnlyThisCourse() throws Exception {
        courseA = token("bench-cea-instructor");
        courseB = token("bench-ceb-instructor");
        String overview = ok(get("/app/curriculum", courseA));
        shippedVersion = versionIn(overview);
        assertEquals(shippedVersion, versionIn(ok(get("/app/curriculum", courseB))));
        long before = storedVersions();

        Map<String, String> form = formIn(ok(get(EXERCISE, courseA)), "exercise-form");
        assertFalse(form.getOrDefault("t1.en", "").isBlank(), "the prompt is in the form: " + form);
        firstSavedBase = form.get("base");
        form.put("t1.en", "Meet three people this week and log each meeting.");
        form.put("due", "2027-03-15");
        HttpResponse<String> saved = post(EXERCISE, form, courseA);
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("data-notice=\"editor.saved\""), saved.body());
        assertEquals(before + 1, storedVersions(), "one new version is stored");
        String newVersion = versionIn(saved.body());
        assertTrue(Integer.parseInt(newVersion) > Integer.parseInt(shippedVersion));
        assertTrue(saved.body().contains("Due 2027-03-15"));
        assertFalse(saved.body().contains("??"), "every text of the page is in the bundle");

        Map<String, String> reopened = formIn(ok(get(EXERCISE, courseA)), "exercise-form");
        assertEquals("Meet three people this week and log each meeting.", reopened.get("t1.en"));
        assertEquals(form.get("t1.es"), reopened.get("t1.es"), "the other language is unchanged");
        assertEquals(shippedVersion, versionIn(ok(get("/app/curriculum", courseB))), "another course keeps its version");
    }

    @Test
    @Order(3)
    void savingTheSameContentAgainStoresNothingNew() throws Exception {
        long before = storedVersions();
        Map<String, String> form = formIn(ok(get(EXERCISE, courseA)), "exercise-form");
        HttpResponse<String> again = post(EXERCISE, form, courseA);
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains("data-notice=\"editor.unchanged\""), again.body());
        assertEquals(before, storedVersions());
    }

    @Test
    @Order(4)
    void aSaveBasedOnAVersionTheCourseLeftIsRefusedAndKeepsTheText() throws Exception {
        long before = storedVersions();
        String current = versionIn(ok(get("/app/curriculum", courseA)));
        Map<String, String> form = formIn(ok(get(EXERCISE, courseA)), "exercise-form");
        form.put("base", firstSavedBase);
        form.put("t0.en", "A title from a tab opened long ago");
        HttpResponse<String> stale = post(EXERCISE, form, courseA);
        assertEquals(409, stale.statusCode(), stale.body());
        assertTrue(stale.body().contains("data-notice=\"editor.stale\""));
        assertTrue(stale.body().contains("value=\"A title from a tab opened long ago\""), "the typed text stays");
        assertEquals(before, storedVersions());
        assertEquals(current, versionIn(ok(get("/app/curriculum", courseA))), "the course did not move");
    }

    @Test
    @Order(5)
    void anInvalidEditIsRefusedNamingTheTextAndLanguageAndKeepsWhatWasTyped() throws Exception {
        long before = storedVersions();
        Map<String, String> form = formIn(ok(get(EXERCISE, courseA)), "exercise-form");
        form.put("t1.es", "   ");
        form.put("t2.en", "New guidance typed before the mistake was noticed.");
        HttpResponse<String> refused = post(EXERCISE, form, courseA);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("data-problem=\"prompt.es\""), refused.body());
        assertTrue(refused.body().contains("href=\"#t1-es\""), "the problem links to its input");
        assertTrue(refused.body().contains("New guidance typed before the mistake was noticed."));
        assertEquals(before, storedVersions());
    }

    @Test
    @Order(6)
    void theVersionListTellsWhoSavedAndGoingBackMovesThePin() throws Exception {
        String list = ok(get("/app/curriculum/versions", courseA));
        assertTrue(list.contains("saved by Bench Instructor cea.instructor"), list);
        String shippedId = versionIdIn(list, shippedVersion);
        String base = baseIn(ok(get("/app/curriculum", courseA)));
        HttpResponse<String> back = post("/app/curriculum/versions/" + shippedId, Map.of("base", base), courseA);
        assertEquals(200, back.statusCode(), back.body());
        assertTrue(back.body().contains("data-notice=\"editor.versions.wentBack\""), back.body());
        assertEquals(shippedVersion, versionIn(ok(get("/app/curriculum", courseA))));
        assertFalse(ok(get("/app/curriculum/exercises/one-to-one-log", courseA))
                .contains("Meet three people this week"), "the course shows the shipped texts again");

        Map<String, String> hideInB = Map.of("base", baseIn(ok(get("/app/curriculum", courseB))), "hidden", "true");
        HttpResponse<String> hidden = post("/app/curriculum/exercises/one-to-one-practice/visibility", hideInB, courseB);
        assertEquals(200, hidden.statusCode(), hidden.body());
        String versionOfB = baseIn(hidden.body());
        String baseA = baseIn(ok(get("/app/curriculum", courseA)));
        assertEquals(404, post("/app/curriculum/versions/" + versionOfB, Map.of("base", baseA), courseA).statusCode(),
                "a course cannot take another course's version");
    }

    @Test
    @Order(7)
    void anInstructorReordersAndAddsACopyThatOpensForEditing() throws Exception {
        String overview = ok(get("/app/curriculum", courseA));
        HttpResponse<String> moved = post("/app/curriculum/exercises/recruitment-plan/move",
                Map.of("base", baseIn(overview), "direction", "down"), courseA);
        assertEquals(200, moved.statusCode(), moved.body());
        assertTrue(moved.body().indexOf("data-exercise=\"one-to-one-log\"")
                < moved.body().indexOf("data-exercise=\"recruitment-plan\""), "the exercise went one down");

        HttpResponse<String> copied = post("/app/curriculum/exercises/one-to-one-log/copy",
                Map.of("base", baseIn(moved.body()), "title.en", "Second round of one-to-ones",
                        "title.es", "Segunda ronda de reuniones"), courseA);
        assertEquals(200, copied.statusCode(), copied.body());
        assertTrue(copied.body().contains("data-notice=\"editor.copied\""), copied.body());
        assertTrue(copied.body().contains("/app/curriculum/exercises/second-round-of-one-to-ones"));
        String list = ok(get("/app/curriculum", courseA));
        assertTrue(list.indexOf("data-exercise=\"one-to-one-log\"")
                < list.indexOf("data-exercise=\"second-round-of-one-to-ones\""));
        assertTrue(list.indexOf("data-exercise=\"second-round-of-one-to-ones\"")
                < list.indexOf("data-exercise=\"recruitment-plan\""), "the copy comes right after its original");

        HttpResponse<String> untitled = post("/app/curriculum/exercises/one-to-one-log/copy",
                Map.of("base", baseIn(list), "title.en", "Third round", "title.es", ""), courseA);
        assertEquals(422, untitled.statusCode(), untitled.body());
        assertTrue(untitled.body().contains("href=\"#t0-es\""), "the missing Spanish title is named");
        assertTrue(untitled.body().contains("value=\"Third round\""), "the English title stays");
    }

    @Test
    @Order(8)
    void theEditorPagesPassTheWcag21AaRulesInTheLmsFrame() throws Exception {
        WebDriver driver = Chromium.start(Map.of());
        try {
            driver.manage().window().setSize(new Dimension(1280, 900));
            driver.get(EmulatorLaunch.EMULATOR + "/emulator");
            driver.findElement(By.cssSelector("button[data-member='demo-instructor-1']")).click();
            driver.switchTo().frame("tool-frame");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#curriculum-editor-link a"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor-curriculum")));
            Chromium.assertAccessible(driver, "curriculum editor");
            screenshot(driver, "curriculum-editor");
            driver.switchTo().frame("tool-frame");
            wait.withMessage("focus moves to the new page's heading")
                    .until(d -> "editor-heading".equals(activeId(d)));

            assertFalse(driver.findElement(By.id("edit-one-to-one-log")).isDisplayed(), "modules open on demand");
            assertEquals(0, driver.findElements(By.cssSelector("#main button:not([disabled])")).stream()
                    .filter(WebElement::isDisplayed).count(), "no wall of buttons: actions wait under More");
            driver.findElement(By.cssSelector("#module-4 > summary")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-one-to-one-log")));
            driver.findElement(By.cssSelector("[data-exercise='one-to-one-log'] .exercise-more > summary")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("down-one-to-one-log")));
            Chromium.assertAccessible(driver, "curriculum editor, a module and an exercise's actions open");
            screenshot(driver, "curriculum-editor-module-open");
            driver.switchTo().frame("tool-frame");
            driver.findElement(By.id("edit-one-to-one-log")).click();
            WebElement spanishTitle = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("t0-es")));
            Chromium.assertAccessible(driver, "exercise form");
            driver.switchTo().frame("tool-frame");
            spanishTitle.clear();
            driver.findElement(By.id("save")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
            Chromium.assertAccessible(driver, "exercise form with a problem");
            screenshot(driver, "curriculum-exercise-problem");
            driver.switchTo().frame("tool-frame");
            wait.withMessage("focus moves to the list of problems").until(d -> "problems".equals(activeId(d)));
            assertEquals("true", driver.findElement(By.id("t0-es")).getAttribute("aria-invalid"));
            assertEquals("One-to-one log", driver.findElement(By.id("t0-en")).getAttribute("value"));

            driver.manage().window().setSize(new Dimension(390, 844));
            Object overflow = ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertEquals(Boolean.FALSE, overflow, "the form fits a phone without sideways scrolling");
            screenshot(driver, "curriculum-exercise-phone");
        } finally {
            Chromium.quit(driver);
        }
    }

    @Test
    @Order(9)
    void anEnglishOnlyCourseTakesAnEnglishOnlyExampleAndATranslationOutOfDateIsShown() throws Exception {
        String courseC = token("bench-cec-instructor");
        Map<String, String> languages = formIn(ok(get("/app/curriculum/languages", courseC)), "languages-form");
        languages.remove("language");
        languages.put("language", "en");
        languages.put("main", "en");
        HttpResponse<String> english = post("/app/curriculum/languages", languages, courseC);
        assertEquals(200, english.statusCode(), english.body());
        assertTrue(english.body().contains("data-notice=\"editor.saved\""), english.body());
        Map<String, String> form = formIn(ok(get(EXERCISE, courseC)), "exercise-form");
        assertFalse(form.containsKey("t0.es"), "an English-only course shows no Spanish inputs: " + form.keySet());
        form.put("t3.en", "Rosa, tenants' association: will host a house meeting on the 12th.");
        HttpResponse<String> example = post(EXERCISE, form, courseC);
        assertEquals(200, example.statusCode(), example.body());
        assertTrue(example.body().contains("data-notice=\"editor.saved\""), "no Spanish needed: " + example.body());

        String courseD = token("bench-ced-instructor");
        Map<String, String> reword = formIn(ok(get(EXERCISE, courseD)), "exercise-form");
        reword.put("t1.en", "Meet three people this week and log each meeting.");
        assertEquals(200, post(EXERCISE, reword, courseD).statusCode());
        String reworded = ok(get(EXERCISE, courseD));
        assertTrue(reworded.contains("id=\"t1-es-stale\""), "the English prompt was reworded: the Spanish one is marked");
        assertTrue(ok(get("/app/curriculum", courseD)).contains("out-of-date"), "and the curriculum says so");
        Map<String, String> translate = formIn(reworded, "exercise-form");
        translate.put("t1.es", "Reúnete con tres personas esta semana y registra cada reunión.");
        HttpResponse<String> translated = post(EXERCISE, translate, courseD);
        assertEquals(200, translated.statusCode(), translated.body());
        assertFalse(ok(get(EXERCISE, courseD)).contains("id=\"t1-es-stale\""), "a new translation clears the mark");

        String versions = ok(get("/app/curriculum/versions", courseD));
        String compare = match(versions, "href=\"(/app/curriculum/versions/compare\\?from=\\d+&amp;to=\\d+)\"").replace("&amp;", "&");
        String changes = ok(get(compare, courseD));
        assertTrue(changes.contains("data-exercise=\"one-to-one-log\""), changes);
        assertTrue(changes.contains("<ins>") || changes.contains("<del>"), "the prompt is compared word by word");
        assertFalse(changes.contains("??"), "every text of the page is in the bundle");
    }

    /** The tool's frame as the LMS shows it, for a person to look at (target/screenshots); leaves the frame. */
    private static void screenshot(WebDriver driver, String name) throws Exception {
        driver.switchTo().defaultContent();
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(folder.resolve(name + ".png"), driver.findElement(By.id("tool-frame")).getScreenshotAs(OutputType.BYTES));
    }

    private static Object activeId(WebDriver driver) {
        return ((JavascriptExecutor) driver).executeScript("return document.activeElement.id;");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static String token(String user) throws Exception {
        return LaunchOverHttpIT.sessionToken(home(user));
    }

    private static String home(String user) throws Exception {
        HttpResponse<String> home = EmulatorLaunch.launch(new Browser(), user, "resource-link");
        assertEquals(200, home.statusCode(), home.body());
        return home.body();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return new Browser().get(BASE + path, "Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> post(String path, Map<String, String> form, String token) throws Exception {
        return new Browser().post(BASE + path, form, "Authorization", "Bearer " + token);
    }

    private static String ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static String versionIn(String page) {
        return match(page, "id=\"editor-curriculum\" data-version=\"(\\d+)\"");
    }

    private static String baseIn(String page) {
        return match(page, "name=\"base\" value=\"(\\d+)\"");
    }

    private static String versionIdIn(String versionsPage, String number) {
        return match(versionsPage, "data-version=\"" + number + "\".*?/app/curriculum/versions/(\\d+)");
    }

    private static String match(String page, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), regex + " in " + page);
        return m.group(1);
    }

    /** What the browser would send for the form: its inputs (checkboxes when ticked) and textareas. */
    private static Map<String, String> formIn(String page, String formId) {
        int start = page.indexOf("id=\"" + formId + "\"");
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

    private static long storedVersions() throws Exception {
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"),
                System.getProperty("it.db.user"), System.getProperty("it.db.password"));
             ResultSet rows = db.createStatement().executeQuery("SELECT COUNT(*) FROM curriculum_version")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
