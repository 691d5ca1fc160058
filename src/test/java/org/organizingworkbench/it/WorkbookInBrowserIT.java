package org.organizingworkbench.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workbook in a real browser inside the LMS frame (headless Chromium, emulator on another site): typing saves
 * itself; with the network gone the text stays on the device, survives closing the page, and is saved once the
 * network is back. Every workbook page passes the WCAG 2.1 AA rules and fits a phone.
 */
@ExtendWith(SharedTool.class)
class WorkbookInBrowserIT {

    private static final String EMULATOR = EmulatorLaunch.EMULATOR + "/emulator";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static WebDriver driver;


    @BeforeAll
    static void startBrowser() throws IOException {
        // The LMS frame is cross-site, so Chromium would run it as its own target, which the driver's network
        // switch does not reach; in one process, "offline" cuts the frame's requests too.
        driver = Chromium.start(Map.of(), "--disable-site-isolation-trials", "--disable-features=IsolateOrigins,site-per-process");
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            Chromium.quit(driver);
        }
    }

    @Test
    void typingSavesItselfAndTheWorkbookPagesAreAccessible() throws IOException {
        openExercise("demo-student-1", "project-canvas");
        accessible("exercise page");
        type("f-people", "Bus riders of Route 9");
        waitSaved();
        assertTrue(state().getText().contains("saved at"), state().getText());
        type("f-resources-0", "Riders' union");
        driver.findElement(By.id("f-outcome-date")).sendKeys("03152027");
        waitSaved();
        screenshot("workbook-exercise-saved");

        driver.findElement(By.linkText("Back to my workbook")).click();
        WebElement line = wait(15).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li[data-exercise='project-canvas']")));
        assertEquals("DRAFT", line.getAttribute("data-status"));
        accessible("workbook overview");
        screenshot("workbook-overview");

        line.findElement(By.tagName("a")).click();
        WebElement people = wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("f-people")));
        assertEquals("Bus riders of Route 9", people.getText(), "what was typed came back from the server");
        assertEquals("2027-03-15", driver.findElement(By.id("f-outcome-date")).getAttribute("value"));
    }

    @Test
    void textTypedOfflineSurvivesClosingThePageAndIsSavedWhenTheNetworkIsBack() throws Exception {
        openExercise("demo-student-6", "story-of-self");
        type("f-challenge", "The night the clinic closed");
        waitSaved();

        offline(true);
        try {
            type("f-challenge", ", my mother waited outside in the rain");
            wait(15).until(d -> "offline".equals(state().getAttribute("data-state")));
            screenshot("workbook-offline");
            String kept = (String) js("return Object.keys(localStorage).filter(function (k) { return k.indexOf('owb:') === 0; })"
                    + ".map(function (k) { return localStorage.getItem(k); }).join('\\n');");
            assertTrue(kept.contains("waited outside in the rain"), "the device keeps the unsaved text: " + kept);
            // Close the page while still offline.
            driver.switchTo().defaultContent();
            js("document.getElementById('tool-frame').src = 'about:blank';");
            // Whatever the closing page still tried to send fails too, as it would without a network.
            Thread.sleep(1500);
        } finally {
            offline(false);
        }

        openExercise("demo-student-6", "story-of-self");
        wait(20).until(d -> "saved".equals(state().getAttribute("data-state"))
                && driver.findElement(By.id("f-challenge")).getText().contains("waited outside in the rain"));
        assertTrue(driver.findElement(By.cssSelector("main .notice[role=status]")).getText().contains("was not saved yet"));

        driver.findElement(By.linkText("Back to my workbook")).click();
        wait(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-exercise='story-of-self'] a"))).click();
        WebElement challenge = wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("f-challenge")));
        assertEquals("The night the clinic closed, my mother waited outside in the rain", challenge.getText(),
                "the server has every word");
        Object left = js("return Object.keys(localStorage).filter(function (k) { return k.indexOf('owb:') === 0; })"
                + ".map(function (k) { return k + '=' + localStorage.getItem(k); }).join(' | ');");
        assertEquals("", left, "nothing is left on the device once saved");
    }

    @Test
    void aShortOutageWhileThePageStaysOpenEndsSaved() {
        openExercise("demo-student-3", "story-of-self");
        offline(true);
        try {
            type("f-choice", "I chose to knock on every door");
            wait(15).until(d -> "offline".equals(state().getAttribute("data-state")));
        } finally {
            offline(false);
        }
        wait(40).until(d -> "saved".equals(state().getAttribute("data-state")));
        assertTrue(state().getText().contains("saved at"));
    }

    @Test
    void aSaveFromAnotherTabIsNeverOverwrittenAndTheStudentChoosesWhichVersionToKeep() throws Exception {
        openExercise("demo-student-10", "story-of-us");
        type("f-story", "We are the parents who walk our kids to school");
        waitSaved();
        // Another tab saves a newer version of the same answer, with the same session.
        String token = ((String) js("return JSON.parse(document.body.getAttribute('hx-headers')).Authorization;"));
        int revision = Integer.parseInt(driver.findElement(By.id("field-story")).getAttribute("data-revision"));
        java.net.http.HttpResponse<String> other = new Browser().put(EmulatorLaunch.TOOL
                        + "/app/workbook/exercises/story-of-us/fields/story",
                "{\"base\": " + revision + ", \"saveId\": \"" + java.util.UUID.randomUUID() + "\", \"value\": \"<p>Written in the other tab</p>\"}",
                "Authorization", token);
        assertEquals(200, other.statusCode(), other.body());

        type("f-story", " and cross the highway");
        WebElement conflict = wait(15).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#field-story [data-conflict]")));
        assertEquals("conflict", state().getAttribute("data-state"));
        assertTrue(conflict.findElement(By.cssSelector("[data-theirs]")).getText().contains("Written in the other tab"));
        assertTrue(conflict.findElement(By.cssSelector("[data-mine]")).getText().contains("cross the highway"));
        accessible("exercise showing a conflict");
        screenshot("workbook-conflict");

        conflict.findElement(By.cssSelector("[data-keep-mine]")).click();
        waitSaved();
        driver.findElement(By.linkText("Back to my workbook")).click();
        wait(15).until(ExpectedConditions.elementToBeClickable(By.cssSelector("li[data-exercise='story-of-us'] a"))).click();
        WebElement story = wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("f-story")));
        assertEquals("We are the parents who walk our kids to school and cross the highway", story.getText(),
                "the student kept their version, on purpose");
    }

    @Test
    void textPastedFromAWordProcessorKeepsItsParagraphsAndNothingElse() {
        openExercise("demo-student-8", "story-of-now");
        WebElement hope = driver.findElement(By.id("f-hope"));
        js("arguments[0].scrollIntoView({block: 'center'});", hope);
        hope.click();
        js("var data = new DataTransfer();"
                + "data.setData('text/html', '<html><body><p class=\"MsoNormal\" style=\"color:red\"><span style=\"font-family:Calibri\">First"
                + " paragraph</span></p><p class=\"MsoNormal\"><b>Second</b> paragraph<img src=x onerror=alert(1)></p></body></html>');"
                + "data.setData('text/plain', 'First paragraph\\n\\nSecond paragraph');"
                + "arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));",
                hope);
        String html = (String) js("return arguments[0].innerHTML;", hope);
        assertTrue(html.contains("<p>First paragraph</p>") && html.contains("<strong>Second</strong> paragraph"), html);
        assertTrue(!html.contains("style") && !html.contains("class") && !html.contains("img"), html);
        waitSaved();
    }

    @Test
    void theTeamCharterDrawsItsSnowflakeAndTheWorkbookPrints() throws IOException {
        openExercise("demo-student-5", "team-charter");
        type("f-members-0-member-name", "Ana");
        WebElement add = driver.findElement(By.cssSelector("#field-members [data-add]"));
        js("arguments[0].scrollIntoView({block: 'center'});", add);
        add.click();
        type("f-members-n0-member-name", "Luis");
        assertEquals("Row 2", driver.findElement(By.cssSelector("#field-members [data-row]:nth-child(2) legend")).getText(),
                "an added row is named by its place");
        org.openqa.selenium.support.ui.Select developedBy = new org.openqa.selenium.support.ui.Select(
                driver.findElement(By.id("f-members-n0-developed-by")));
        assertEquals(java.util.List.of("Nobody on the team: at the centre", "Ana"),
                developedBy.getOptions().stream().map(WebElement::getText).toList(), "chosen from the team's own list");
        developedBy.selectByValue("Ana");
        type("f-members-n0-develops", "Rosa, Tomás");
        waitSaved();
        // the diagram is redrawn after each save: read it whole, as one string, once it shows the last one
        String drawn = wait(20).until(d -> {
            try {
                String svg = d.findElement(By.id("diagram")).getAttribute("innerHTML");
                return svg.contains("Tomás") ? svg : null;
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return null;
            }
        });
        assertTrue(drawn.contains("Luis"), "the snowflake shows the team");
        assertEquals(3, drawn.split("class=\"beyond\"", -1).length - 1, "and the people beyond it, with a legend");
        accessible("exercise with its diagram");
        wait(10).until(d -> {
            try {
                js("arguments[0].scrollIntoView({block: 'center'});", d.findElement(By.cssSelector("#diagram svg")));
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
        screenshot("workbook-snowflake");

        driver.findElement(By.linkText("Back to my workbook")).click();
        wait(15).until(ExpectedConditions.elementToBeClickable(By.linkText("Print view"))).click();
        WebElement printed = wait(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".printed-workbook")));
        assertTrue(printed.getText().contains("Luis"), "the print view holds the answers");
        WebElement download = driver.findElement(By.cssSelector("form.pdf-form button"));
        download.click();
        wait(60).until(d -> "The PDF is downloaded.".equals(
                driver.findElement(By.cssSelector("form.pdf-form [data-download-status]")).getText()));
        accessible("print view");
        screenshot("workbook-print-view");
    }

    @Test
    void anInstructorReadsAStudentsWorkbookOnAccessiblePages() throws IOException {
        driver.switchTo().defaultContent();
        driver.get(EMULATOR);
        driver.findElement(By.cssSelector("button[data-member='demo-instructor-1']")).click();
        driver.switchTo().frame("tool-frame");
        wait(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector("nav.appnav a[href='/app/learners']"))).click();
        WebElement amara = wait(15).until(ExpectedConditions.elementToBeClickable(By.linkText("Amara Okafor")));
        accessible("students' workbooks");
        screenshot("staff-learners");
        amara.click();
        wait(15).until(ExpectedConditions.elementToBeClickable(By.cssSelector("li[data-exercise='story-of-self'] a"))).click();
        WebElement story = wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("f-story")));
        assertEquals("false", story.getAttribute("contenteditable"), "staff read, they do not write");
        assertTrue(driver.findElements(By.id("save-state")).isEmpty(), "no autosave on a page staff read");
        accessible("a student's exercise, read by staff");
        screenshot("staff-reads-exercise");
    }

    @Test
    void onAPhoneTheExerciseFitsTheFrame() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            openExercise("demo-student-4", "one-to-one-log");
            WebElement add = driver.findElement(By.cssSelector("#field-meetings [data-add]"));
            js("arguments[0].scrollIntoView({block: 'center'});", add);
            add.click();
            wait(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#field-meetings [data-row]"), 2));
            type("f-meetings-n0-purpose", "Ask Ana to host the first house meeting");
            type("f-meetings-n0-interests-values", "Her sons cross the highway every morning");
            waitSaved();
            Object overflow = js("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertEquals(Boolean.FALSE, overflow, "no horizontal scrolling inside the frame");
            accessible("exercise with a table row on a phone");
            screenshot("workbook-phone-table");

            openExercise("demo-student-4", "one-to-one-log");
            WebElement cell = driver.findElement(By.cssSelector("#field-meetings [data-row]:nth-child(2) [data-column='interests-values']"));
            assertEquals("7", cell.findElement(By.cssSelector("[data-words]")).getText(),
                    "a long text in a table counts its words after a reload");
            assertEquals("Row 2", driver.findElement(By.cssSelector("#field-meetings [data-row]:nth-child(2) legend")).getText());
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private static void openExercise(String member, String exercise) {
        new ToolFrame(driver).openExercise(member, exercise);
    }

    private static void accessible(String page) {
        new ToolFrame(driver).accessible(page);
    }

    private static void type(String id, String text) {
        new ToolFrame(driver).type(id, text);
    }

    private static void waitSaved() {
        wait(15).until(d -> "saved".equals(state().getAttribute("data-state")) && state().getText().contains("saved at"));
    }

    private static WebElement state() {
        return new ToolFrame(driver).saveState();
    }

    private static void offline(boolean offline) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(offline);
        ((ChromeDriver) driver).setNetworkConditions(conditions);
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
