package org.organizingworkbench.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A peer review round end to end in a real browser inside the LMS frame, with several students: the instructor
 * starts a round on the theory of change; three students submit and are handed pieces at once; a reviewer fills the
 * guided form (it saves itself) without ever seeing who wrote the piece; the instructor sees every pairing and
 * releases; an author reads the review, rates it, writes a revision plan and revises. Desktop and 390 px, axe on
 * every page, no CSP violation, screenshots under target/screenshots.
 */
@ExtendWith(SharedTool.class)
class PeerReviewInBrowserIT {

    private static final String EMULATOR = EmulatorLaunch.EMULATOR + "/emulator";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String EXERCISE = "theory-of-change";
    private static final List<String> AUTHORS = List.of("demo-student-1", "demo-student-3", "demo-student-4");
    private static final List<String> NAMES = List.of("Amara", "Okafor", "Hannah", "Schmidt", "Kwame", "Mensah");
    private static WebDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        driver = Chromium.start(Map.of());
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            Chromium.quit(driver);
        }
    }

    @Test
    void aRoundRunsFromSubmissionToRevision() throws IOException {
        launch("demo-instructor-1");
        openPeerReview();
        List<WebElement> option = driver.findElements(By.cssSelector("#round-exercise option[value='" + EXERCISE + "']"));
        if (!option.isEmpty()) {
            new Select(driver.findElement(By.id("round-exercise"))).selectByValue(EXERCISE);
            driver.findElement(By.cssSelector("form.round-create button")).click();
            wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Peer review: Theory of change"));
        }
        accessible("the round page, before anyone submitted");
        noCspViolation();

        for (int i = 0; i < AUTHORS.size(); i++) {
            submitTheoryOfChange(AUTHORS.get(i), "we " + i + " organise the riders");
        }

        launch(AUTHORS.get(0));
        openPeerReview();
        List<WebElement> pieces = driver.findElements(By.cssSelector(".review-list a[href^='/app/reviews/assignments/']"));
        assertEquals(2, pieces.size(), "the first submitter was handed two pieces as the others submitted");
        accessible("a student's peer review page");
        pieces.get(0).click();
        reviewPiece("first");
        screenshot("peer-review-form-desktop");
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.findElement(By.linkText("Back to peer review")).click();
            wait(15).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".review-list li:first-child a"))).click();
            reviewPiece("second");
            assertNoSidewaysScrolling();
            screenshot("peer-review-form-phone");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
        noCspViolation();
        driver.findElement(By.linkText("Back to peer review")).click();
        wait(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".review-list a[href^='/app/reviews/assignments/']")));
        assertEquals(2L, openablePieces(), "of every assignment id, the reviewer opens exactly the two pieces handed to them");

        launch("demo-instructor-1");
        openPeerReview();
        driver.findElement(By.linkText("Theory of change")).click();
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("release")));
        String round = driver.findElement(By.id("main")).getText();
        for (String name : List.of("Amara Okafor", "Hannah Schmidt", "Kwame Mensah")) {
            assertTrue(round.contains(name), "staff see every author and reviewer: " + round);
        }
        assertTrue(round.contains("2 of 2 handed in"), round);
        accessible("the round page with every pairing");
        screenshot("peer-review-round-desktop");
        click(driver.findElement(By.id("release")));
        wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-notice"), "Reviews released"));
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            assertNoSidewaysScrolling();
            accessible("the round page at phone width");
            screenshot("peer-review-round-phone");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
        noCspViolation();

        launch(AUTHORS.get(1));
        openPeerReview();
        driver.findElement(By.linkText("Theory of change")).click();
        WebElement review = wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.received-review")));
        assertTrue(review.getText().contains("A clear chain from action to power"), review.getText());
        assertFalse(NAMES.stream().anyMatch(n -> driver.getPageSource().contains(n)), "the reviewer is not named to the author");
        accessible("the author's reviews");
        click(review.findElement(By.cssSelector("label[for$='-4']")));
        click(review.findElement(By.cssSelector(".rate-form button")));
        wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-notice"), "Rating saved."));
        driver.findElement(By.id("plan")).sendKeys("Name the target: the transit board, by March.");
        click(driver.findElement(By.cssSelector(".revision-plan button")));
        wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-notice"), "Revision plan saved."));
        screenshot("peer-review-received-desktop");
        driver.findElement(By.linkText("Revise the exercise")).click();
        WebElement because = wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("f-because")));
        because.sendKeys(", and the transit board answers to riders who vote");
        wait(15).until(d -> "saved".equals(d.findElement(By.id("save-state")).getAttribute("data-state"))
                && d.findElement(By.id("save-state")).getText().contains("saved at"));
        click(driver.findElement(By.cssSelector("#submit-form button")));
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        openPeerReview();
        driver.findElement(By.linkText("Theory of change")).click();
        wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"),
                "You have submitted a revised version since the reviews."));
        noCspViolation();

        launch("demo-instructor-1");
        openPeerReview();
        driver.findElement(By.linkText("Theory of change")).click();
        WebElement hannah = wait(20).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[th[contains(., 'Hannah Schmidt')]]")));
        assertTrue(hannah.getText().contains("Revised") && hannah.getText().contains("Plan written"), hannah.getText());
        assertTrue(driver.findElement(By.id("main")).getText().contains("Helpfulness 4/5"));
    }

    private static void submitTheoryOfChange(String student, String ifText) {
        launch(student);
        wait(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector("nav.appnav a[href='/app/workbook']"))).click();
        wait(15).until(ExpectedConditions.elementToBeClickable(By.cssSelector("li[data-exercise='" + EXERCISE + "'] a"))).click();
        wait(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form#answers[data-wired]")));
        if (driver.findElements(By.cssSelector("#submit-form button")).isEmpty()) {
            return;
        }
        for (String[] field : new String[][]{{"f-if", "If " + ifText}, {"f-then", "then the route is restored"},
                {"f-because", "because the board needs their votes"}}) {
            WebElement input = driver.findElement(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
        wait(15).until(d -> "saved".equals(d.findElement(By.id("save-state")).getAttribute("data-state"))
                && d.findElement(By.id("save-state")).getText().contains("saved at"));
        click(driver.findElement(By.cssSelector("#submit-form button")));
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
    }

    /** Fills the guided form of the open piece (it saves itself) and hands it in; the author is never named. */
    private static void reviewPiece(String which) {
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form#answers[data-wired]")));
        String page = driver.getPageSource();
        assertTrue(page.contains("a classmate"), "an anonymous piece");
        assertFalse(NAMES.stream().anyMatch(page::contains), "no author's name anywhere in the reviewer's page");
        assertFalse(page.contains("/app/learners/"), "no link to the author's workbook");
        accessible("the reviewer's page (" + which + ")");
        typeRich("p-worked", "A clear chain from action to power (" + which + ").");
        click(driver.findElement(By.cssSelector("label[for='p-theory-of-change-0']")));
        click(driver.findElement(By.cssSelector("label[for='p-targets-1']")));
        typeRich("p-stronger", "Name who decides, and by when.");
        wait(15).until(d -> "saved".equals(d.findElement(By.id("save-state")).getAttribute("data-state"))
                && d.findElement(By.id("save-state")).getText().contains("saved at"));
        click(driver.findElement(By.cssSelector("#submit-form button")));
        wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-notice"), "Review handed in."));
    }

    /**
     * Tries every assignment id up to the highest on the student's list, 50 past it, with the student's session: how
     * many answer 200 (anything else must be a 404 that tells nothing).
     */
    private static long openablePieces() {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object count = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var ids = Array.prototype.map.call(document.querySelectorAll(\"a[href^='/app/reviews/assignments/']\"),"
                        + " function (a) { return parseInt(a.getAttribute('href').split('/').pop(), 10); });"
                        + "var top = Math.max.apply(null, ids.concat([1])) + 50; var ok = 0, other = 0, pending = top;"
                        + "for (var i = 1; i <= top; i++) { fetch('/app/reviews/assignments/' + i, { credentials: 'omit',"
                        + " headers: { 'Authorization': window.WorkbenchSession.authorization() } }).then(function (r) {"
                        + " if (r.status === 200) { ok++; } else if (r.status !== 404) { other++; }"
                        + " if (--pending === 0) { done(other > 0 ? -other : ok); } }); }");
        return ((Number) count).longValue();
    }

    /** Clicks an element in the middle of the frame, clear of the sticky save state. */
    private static void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private static void typeRich(String id, String text) {
        WebElement element = driver.findElement(By.id(id));
        js("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        element.sendKeys(text);
    }

    /** Launches from the emulator as a member and records any CSP violation in the frame from then on. */
    private static void launch(String member) {
        driver.switchTo().defaultContent();
        driver.get(EMULATOR);
        driver.findElement(By.cssSelector("button[data-member='" + member + "']")).click();
        driver.switchTo().frame("tool-frame");
        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
        js("window.owbCsp = []; document.addEventListener('securitypolicyviolation', function (e) {"
                + " window.owbCsp.push(e.violatedDirective + ' ' + e.blockedURI); });");
    }

    private static void openPeerReview() {
        wait(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector("nav.appnav a[href='/app/reviews']"))).click();
        wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Peer review"));
    }

    private static void noCspViolation() {
        assertEquals(List.of(), js("return window.owbCsp || [];"), "no Content Security Policy violation");
    }

    private static void assertNoSidewaysScrolling() {
        assertEquals(Boolean.FALSE, js("return document.documentElement.scrollWidth > document.documentElement.clientWidth;"),
                "no horizontal scrolling inside the frame");
    }

    /** axe checks the frame's document; the driver is then back in the LMS page, so return to the frame. */
    private static void accessible(String page) {
        Chromium.assertAccessible(driver, page);
        driver.switchTo().defaultContent();
        driver.switchTo().frame("tool-frame");
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static WebDriverWait wait(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.withMessage(() -> "the frame shows: " + driver.getPageSource());
        return wait;
    }

    private static void screenshot(String name) throws IOException {
        js("window.scrollTo(0, 0);");
        driver.switchTo().defaultContent();
        WebElement frame = driver.findElement(By.id("tool-frame"));
        Files.write(SCREENSHOTS.resolve(name + "-frame.png"), frame.getScreenshotAs(OutputType.BYTES));
        driver.switchTo().frame("tool-frame");
    }
}
