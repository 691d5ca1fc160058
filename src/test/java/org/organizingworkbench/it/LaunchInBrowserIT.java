package org.organizingworkbench.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launch in a real browser, as an LMS shows it: headless Chromium opens the emulator's course page on one
 * site (localhost) which frames the tool on another (127.0.0.1). Third-party cookies are blocked and the tool's
 * site may set no cookie at all — as Safari inside a Canvas iframe — so only LTI Platform Storage can bind the
 * launch. A control launch without Platform Storage proves the cookie really is refused.
 */
@ExtendWith(SharedTool.class)
class LaunchInBrowserIT {

    private static final String PORT = System.getProperty("it.http.port");
    private static final String TOOL = "http://127.0.0.1:" + PORT;
    private static final String EMULATOR = "http://localhost:" + PORT + "/emulator";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static WebDriver driver;


    @BeforeAll
    static void startBrowser() throws IOException {
        driver = Chromium.start(Map.of(
                "profile.block_third_party_cookies", true,
                "profile.cookie_controls_mode", 1,
                // The tool's site may not keep cookies at all, partitioned or not (Safari has no CHIPS).
                "profile.content_settings.exceptions.cookies", Map.of(TOOL + ",*", Map.of("setting", 2))));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            Chromium.quit(driver);
        }
    }

    @Test
    void theToolInACrossSiteFrameCannotKeepACookie() {
        driver.get(EMULATOR);
        WebElement frame = driver.findElement(By.id("tool-frame"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].src = arguments[1];", frame, TOOL + "/");
        driver.switchTo().frame(frame);
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        Object cookies = ((JavascriptExecutor) driver).executeScript("try {"
                + " document.cookie = 'probe=1; SameSite=None; Secure; Path=/'; return document.cookie;"
                + " } catch (e) { return 'refused: ' + e.name; }");
        driver.switchTo().defaultContent();
        assertTrue(!String.valueOf(cookies).contains("probe=1"),
                "the framed tool must not be able to keep a cookie in this test browser, got: " + cookies);
    }

    @Test
    void aStudentLaunchesThroughPlatformStorageAndSeesTheirHome() throws IOException {
        driver.manage().window().setSize(new Dimension(1280, 900));
        launchAs("demo-student-1", true);
        WebElement greeting = wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
        assertEquals("Welcome, Amara Okafor", greeting.getText());
        assertEquals("Student", driver.findElement(By.id("role")).getText());
        assertEquals("Organizing: People, Power and Change", driver.findElement(By.id("course")).getText());
        screenshot("student-home-in-lms-frame");
    }

    @Test
    void anInstructorsPageLoadsTheRosterWithTheSessionHeaderNotACookie() throws IOException {
        launchAs("demo-instructor-1", true);
        WebElement summary = wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("roster-summary")));
        assertTrue(summary.getText().contains("instructor"), summary.getText());
        assertTrue(driver.findElements(By.cssSelector("#roster table tbody tr")).size() >= 1);
        screenshot("instructor-home-in-lms-frame");
    }

    @Test
    void withoutPlatformStorageTheBlockedCookieGivesAClearPageAndANewWindowOffer() throws IOException {
        launchAs("demo-student-3", false);
        WebElement rule = wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("rule")));
        assertEquals("STATE_NOT_BOUND", rule.getAttribute("textContent"));
        List<WebElement> retry = driver.findElements(By.cssSelector("form[target=_blank] button"));
        assertEquals(1, retry.size(), "the page offers to open the launch in a new window");
        screenshot("blocked-cookie-page");
    }

    @Test
    void onAPhoneSizedScreenTheHomePageFitsWithoutSidewaysScrolling() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            launchAs("demo-student-2", true);
            wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
            Object overflow = ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertEquals(Boolean.FALSE, overflow, "no horizontal scrolling inside the frame");
            screenshot("phone-home-in-lms-frame");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void everyPageOfTheLaunchPassesTheWcag21AaRules() throws IOException {
        launchAs("demo-instructor-1", true);
        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("roster-summary")));
        Chromium.assertAccessible(driver, "instructor home");
        launchAs("demo-student-4", true);
        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
        Chromium.assertAccessible(driver, "student home");
        launchAs("demo-student-5", false);
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("rule")));
        Chromium.assertAccessible(driver, "refused launch page");
        driver.switchTo().defaultContent();
        driver.get(TOOL + "/admin");
        Chromium.assertAccessible(driver, "admin sign-in");
        driver.get(TOOL + "/");
        Chromium.assertAccessible(driver, "about page");
    }


    /** Clicks the emulator's launch button for this member and switches into the tool's frame. */
    private static void launchAs(String member, boolean offerStorage) {
        driver.switchTo().defaultContent();
        driver.get(EMULATOR);
        WebElement storage = driver.findElement(By.id("offer-storage"));
        if (storage.isSelected() != offerStorage) {
            storage.click();
        }
        driver.findElement(By.cssSelector("button[data-member='" + member + "']")).click();
        driver.switchTo().frame("tool-frame");
    }

    private static WebDriverWait wait(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.withMessage(() -> "frame at " + frameLocation() + " shows: " + driver.getPageSource());
        return wait;
    }

    private static Object frameLocation() {
        try {
            return ((JavascriptExecutor) driver).executeScript("return location.href;");
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** The whole LMS page, and the tool's frame alone (on a phone the frame sits below the LMS's own content). */
    private static void screenshot(String name) throws IOException {
        driver.switchTo().defaultContent();
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        WebElement frame = driver.findElement(By.id("tool-frame"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", frame);
        Files.write(SCREENSHOTS.resolve(name + "-frame.png"), frame.getScreenshotAs(OutputType.BYTES));
        driver.switchTo().frame("tool-frame");
    }
}
