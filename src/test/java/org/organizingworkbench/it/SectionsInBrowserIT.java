package org.organizingworkbench.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sections page in a real browser, framed by the emulator as an LMS frames the tool: reached from the home
 * page's navigation with the session header (no cookie), used with the keyboard, accessible (axe, WCAG 2.1 AA) and
 * without sideways scrolling on a phone.
 */
@ExtendWith(SharedTool.class)
class SectionsInBrowserIT {

    private static final String EMULATOR = "http://localhost:" + System.getProperty("it.http.port") + "/emulator";
    private static WebDriver driver;


    @BeforeAll
    static void startBrowser() throws IOException {
        driver = Chromium.start(Map.of());
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            Chromium.quit(driver);
        }
    }

    @Test
    void anInstructorOpensSectionsFromHomeAndCreatesOneWithTheKeyboard() {
        openSectionsAs("demo-instructor-1");
        assertTrue(driver.findElement(By.id("main")).getText().contains("Section A"));
        Chromium.assertAccessible(driver, "instructor's sections page");
        driver.switchTo().frame("tool-frame");
        WebElement name = wait(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("section-name")));
        name.sendKeys("Browser circle", Keys.ENTER);
        wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("sections-status"),
                "Section \u201cBrowser circle\u201d created."));
        assertTrue(driver.findElement(By.id("main")).getText().contains("Browser circle"));
        name = driver.findElement(By.id("section-name"));
        name.sendKeys("browser CIRCLE", Keys.ENTER);
        wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("sections-status"),
                "Another section of this course already has that name."));
        assertEquals("true", driver.findElement(By.id("section-name")).getAttribute("aria-invalid"));
        Chromium.assertAccessible(driver, "sections page with a refused name");
    }

    @Test
    void aFellowSeesTheirSectionReadOnlyAndItFitsAPhone() {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            openSectionsAs("demo-ta-1");
            String page = driver.findElement(By.id("main")).getText();
            assertTrue(page.contains("Section A") && page.contains("Amara Okafor"), page);
            assertFalse(page.contains("Section B"));
            assertTrue(driver.findElements(By.cssSelector("form")).isEmpty(), "read-only");
            Object overflow = ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertEquals(Boolean.FALSE, overflow, "no horizontal scrolling inside the frame");
            Chromium.assertAccessible(driver, "Fellow's sections page");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void anInstructorMakesAStudentATeachingFellowOnPeopleAndRolesAtPhoneWidth() throws Exception {
        for (String user : new String[]{"bench-pplbr-u1", "bench-pplbr-u2"}) {
            assertEquals(200, EmulatorLaunch.launch(new Browser(), user, "resource-link").statusCode());
        }
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.switchTo().defaultContent();
            driver.get(EMULATOR);
            WebElement launch = driver.findElement(By.cssSelector("button[data-member='demo-instructor-1']"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].form.querySelector('[name=login_hint]').value = arguments[1];",
                    launch, "bench-pplbr-instructor");
            launch.click();
            driver.switchTo().frame("tool-frame");
            wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
            driver.findElement(By.cssSelector("nav.appnav a[href='/app/people']")).sendKeys(Keys.ENTER);
            wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "People and roles"));
            WebElement row = driver.findElement(By.xpath("//tr[th[contains(., 'pplbr.u1')]]"));
            new org.openqa.selenium.support.ui.Select(row.findElement(By.tagName("select"))).selectByVisibleText("Teaching Fellow");
            row.findElement(By.tagName("button")).sendKeys(Keys.ENTER);
            wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("people-status"), "Saved."));
            row = driver.findElement(By.xpath("//tr[th[contains(., 'pplbr.u1')]]"));
            assertTrue(row.getText().contains("Teaching Fellow") && row.getText().contains("chosen in the tool"), row.getText());
            assertTrue(driver.findElement(By.xpath("//tr[th[contains(., 'pplbr.u2')]]")).getText().contains("Student"));
            Object overflow = ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            driver.switchTo().defaultContent();
            java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "people-phone-frame.png"),
                    driver.findElement(By.id("tool-frame")).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            assertEquals(Boolean.FALSE, overflow, "no horizontal scrolling inside the frame");
            Chromium.assertAccessible(driver, "people and roles");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    /** Launches from the emulator (Platform Storage on), then follows the home page's Sections link by keyboard. */
    private static void openSectionsAs(String member) {
        driver.switchTo().defaultContent();
        driver.get(EMULATOR);
        WebElement storage = driver.findElement(By.id("offer-storage"));
        if (!storage.isSelected()) {
            storage.click();
        }
        driver.findElement(By.cssSelector("button[data-member='" + member + "']")).click();
        driver.switchTo().frame("tool-frame");
        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
        driver.findElement(By.cssSelector("nav.appnav a[href='/app/sections']")).sendKeys(Keys.ENTER);
        wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Sections"));
    }

    private static WebDriverWait wait(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.withMessage(() -> "the frame shows: " + driver.getPageSource());
        return wait;
    }
}
