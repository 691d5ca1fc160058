package org.organizingworkbench.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.organizingworkbench.view.Moment;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workbook as a person sees it, in a browser whose clock is in India (UTC+05:30) inside the LMS frame: charts
 * really drawn (their bars painted in the chart's colour, not black) on the exercise page, on a phone and in the
 * print view; no page scrolls sideways on a phone; every time in the reader's zone and language, written the same
 * way by the page's script as by the server. Any Content-Security-Policy violation fails these tests too.
 */
@ExtendWith(SharedTool.class)
class WorkbookSeenInBrowserIT {

    private static final String EMULATOR = EmulatorLaunch.EMULATOR + "/emulator";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    /** The charts' first colour (ChartSvg.FIRST), as the browser computes it. */
    private static final int[] NAVY = {0x1f, 0x3a, 0x5f};
    private static WebDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        driver = Chromium.startIn(INDIA, Map.of(), "--disable-site-isolation-trials",
                "--disable-features=IsolateOrigins,site-per-process");
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            Chromium.quit(driver);
        }
    }

    @Test
    void theActionPlansChartIsDrawnOnThePageOnAPhoneAndInThePrintView() throws IOException {
        openExercise("demo-student-9", "action-plan");
        type("f-targets-0-measure", "One-to-ones held");
        type("f-targets-0-target", "40");
        waitSaved();
        WebElement chart = wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram svg")));
        assertDrawn(chart, "exercise page");
        screenshot("seen-chart-desktop");

        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            openExercise("demo-student-9", "action-plan");
            chart = wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram svg")));
            assertDrawn(chart, "exercise page on a phone");
            assertNoSidewaysScroll("the action plan with its chart on a phone");
            screenshot("seen-chart-phone");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }

        driver.findElement(By.cssSelector(".breadcrumb a")).click();
        wait(15).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".print-actions a"))).click();
        WebElement printed = wait(20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#exercise-action-plan svg")));
        assertDrawn(printed, "print view");
        screenshot("seen-chart-print-view");
    }

    @Test
    void timesAreInTheReadersZoneAndLanguageWrittenOneWay() throws IOException {
        openExercise("demo-student-2", "theory-of-change");
        type("f-if", "Si los padres se organizan");
        type("f-then", "la escuela 14 tendrá un cruce seguro");
        type("f-because", "el concejo responde a los votos");
        waitSaved();
        String clock = ZonedDateTime.now(INDIA).format(DateTimeFormatter.ofPattern("HH:mm"));
        String before = ZonedDateTime.now(INDIA).minusMinutes(1).format(DateTimeFormatter.ofPattern("HH:mm"));
        String bar = state().getText();
        assertTrue(bar.contains(clock) || bar.contains(before), "the save bar says India's time on a 24-hour clock: " + bar);
        assertFalse(bar.contains("AM") || bar.contains("PM") || bar.contains("a. m."), bar);

        WebElement history = driver.findElement(By.cssSelector("#field-if .history-link button"));
        js("arguments[0].scrollIntoView({block: 'center'});", history);
        history.click();
        WebElement saved = wait(15).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".history-panel time[data-local]")));
        assertWrittenInIndia(saved, "history");
        screenshot("seen-history-india");

        WebElement submit = driver.findElement(By.cssSelector("#submit-form button[data-submit]"));
        js("arguments[0].scrollIntoView({block: 'center'});", submit);
        submit.click();
        WebElement submitted = wait(20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".meta .submitted time[data-local]")));
        assertWrittenInIndia(submitted, "submission");
        assertTrue(driver.findElement(By.cssSelector(".meta .submitted")).getText().startsWith("Entrega 1 el "),
                "in the reader's language");
        screenshot("seen-submitted-india");
    }

    @Test
    void staffPagesFitAPhone() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.switchTo().defaultContent();
            driver.get(EMULATOR);
            driver.findElement(By.cssSelector("button[data-member='demo-instructor-1']")).click();
            driver.switchTo().frame("tool-frame");
            wait(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector("nav.appnav a[href='/app/learners']"))).click();
            wait(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main table, main .learner-list")));
            assertNoSidewaysScroll("the students' workbooks on a phone");
            accessible("students' workbooks on a phone");
            screenshot("seen-learners-phone");

            driver.findElement(By.cssSelector("nav.appnav a[href='/app/home']")).click();
            wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grades form, #grades-no-link")));
            assertNoSidewaysScroll("the instructor's home page with grading on a phone");
            screenshot("seen-home-grades-phone");

            driver.switchTo().defaultContent();
            driver.findElement(By.cssSelector("button[data-member='demo-instructor-1-dl']")).click();
            driver.switchTo().frame("tool-frame");
            wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("deep-link-picker")));
            assertNoSidewaysScroll("the Deep Linking picker on a phone");
            accessible("the Deep Linking picker on a phone");
            screenshot("seen-deep-link-phone");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
        driver.switchTo().defaultContent();
        driver.findElement(By.cssSelector("button[data-member='demo-instructor-1-dl']")).click();
        driver.switchTo().frame("tool-frame");
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("deep-link-picker")));
        screenshot("seen-deep-link-desktop");
    }

    @Test
    void aStudentsHomeSaysWhatIsDueNextAndEachModuleIsOneClickAway() throws IOException {
        driver.switchTo().defaultContent();
        driver.get(EMULATOR);
        driver.findElement(By.cssSelector("button[data-member='demo-student-7']")).click();
        driver.switchTo().frame("tool-frame");
        WebElement next = wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#up-next a")));
        assertTrue(next.getAttribute("href").contains("/app/workbook/exercises/"), "what is next is a link to it");
        accessible("a student's home page");
        screenshot("seen-student-home");
        driver.findElement(By.cssSelector("li[data-module='4'] a")).click();
        wait(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-exercise='one-to-one-log']")));
        assertEquals(1, driver.findElements(By.cssSelector("section.module-card")).size(), "one module, the others one click away");
        accessible("one module of the workbook");
        screenshot("seen-one-module");
        WebElement exercise = driver.findElement(By.cssSelector("li[data-exercise='relationships-reflection'] a"));
        assertTrue(exercise.getText().matches(".+: .+"), "a title of its own, with its module's: " + exercise.getText());
        exercise.click();
        WebElement status = wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("exercise-status")));
        assertEquals("NOT_STARTED", status.getAttribute("data-status"));
        String notStarted = status.getText();
        type("f-what-happened", "We met at the library");
        wait(15).until(d -> "DRAFT".equals(driver.findElement(By.id("exercise-status")).getAttribute("data-status")));
        assertEquals("Borrador", driver.findElement(By.id("exercise-status")).getText(),
                "the status follows the typing, in the student's language (was " + notStarted + ")");
    }

    /**
     * Drawn, not only present: the picture has a size, its bars are painted in the chart's colour by the browser's
     * own reckoning, and a screenshot of it is mostly not black (a chart whose styles the policy blocked is black).
     */
    private static void assertDrawn(WebElement svg, String where) throws IOException {
        js("arguments[0].scrollIntoView({block: 'center'});", svg);
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) js("var svg = arguments[0], box = svg.getBoundingClientRect();"
                + "var bars = Array.prototype.filter.call(svg.querySelectorAll('rect, path'), function (s) {"
                + "  var b = s.getBoundingClientRect(); return getComputedStyle(s).fill === 'rgb(31, 58, 95)' && b.width > 2 && b.height > 2; });"
                + "return {width: box.width, height: box.height, bars: bars.length};", svg);
        assertTrue(((Number) seen.get("width")).doubleValue() > 200 && ((Number) seen.get("height")).doubleValue() > 40,
                where + ": the chart has a size " + seen);
        assertTrue(((Number) seen.get("bars")).intValue() >= 1, where + ": a bar is painted in the chart's colour " + seen);
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(svg.getScreenshotAs(OutputType.BYTES)));
        long navy = 0;
        long black = 0;
        long all = (long) picture.getWidth() * picture.getHeight();
        for (int x = 0; x < picture.getWidth(); x++) {
            for (int y = 0; y < picture.getHeight(); y++) {
                int rgb = picture.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - NAVY[0]) < 12 && Math.abs(g - NAVY[1]) < 12 && Math.abs(b - NAVY[2]) < 12) {
                    navy++;
                }
                if (r < 24 && g < 24 && b < 24) {
                    black++;
                }
            }
        }
        assertTrue(navy > 150, where + ": the screenshot shows the bars' colour (" + navy + " pixels)");
        assertTrue(black < all / 5, where + ": the chart is not a black rectangle (" + black + " of " + all + " pixels black)");
    }

    /** The page's script wrote the moment in India's time, exactly as the server's formatter writes it there. */
    private static void assertWrittenInIndia(WebElement time, String what) {
        Instant at = Instant.parse(time.getAttribute("datetime"));
        assertEquals(Moment.text(at, INDIA, Locale.forLanguageTag("es")), time.getText(), what);
        assertFalse(time.getText().contains("UTC"), what);
    }

    private static void accessible(String page) {
        new ToolFrame(driver).accessible(page);
    }

    private static void assertNoSidewaysScroll(String page) {
        Object overflow = js("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        assertEquals(Boolean.FALSE, overflow, page + ": no sideways scrolling inside the frame");
    }

    private static void openExercise(String member, String exercise) {
        new ToolFrame(driver).openExercise(member, exercise);
    }

    private static void type(String id, String text) {
        new ToolFrame(driver).type(id, text);
    }

    private static void waitSaved() {
        wait(15).until(d -> "saved".equals(state().getAttribute("data-state")) && state().getText().matches(".*\\d\\d:\\d\\d.*"));
    }

    private static WebElement state() {
        return new ToolFrame(driver).saveState();
    }

    private static Object js(String script, Object... args) {
        return new ToolFrame(driver).js(script, args);
    }

    private static WebDriverWait wait(int seconds) {
        return new ToolFrame(driver).wait(seconds);
    }

    private static void screenshot(String name) throws IOException {
        new ToolFrame(driver).screenshot(name);
    }

}
