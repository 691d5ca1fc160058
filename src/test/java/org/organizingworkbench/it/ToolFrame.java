package org.organizingworkbench.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The tool as a browser test drives it: inside the emulator's cross-site frame ({@code tool-frame}), launched as a
 * member of the demo course. What the workbook's browser tests share: opening an exercise, typing as a person does
 * (at the end of a rich text), scripts, waits that show the frame when they time out, and screenshots of the frame.
 */
final class ToolFrame {

    private static final String EMULATOR = EmulatorLaunch.EMULATOR + "/emulator";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;

    ToolFrame(WebDriver driver) {
        this.driver = driver;
    }

    /** Launches from the emulator, then goes to the exercise through the tool's own navigation. */
    void openExercise(String member, String exercise) {
        driver.switchTo().defaultContent();
        driver.get(EMULATOR);
        driver.findElement(By.cssSelector("button[data-member='" + member + "']")).click();
        driver.switchTo().frame("tool-frame");
        wait(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector("nav.appnav a[href='/app/workbook']"))).click();
        WebElement link = wait(15).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li[data-exercise='" + exercise + "'] a")));
        js("arguments[0].scrollIntoView({block: 'center'});", link);
        link.click();
        wait(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form#answers[data-wired]")));
    }

    /** axe checks the frame's document; the driver is then back in the LMS page, so return to the frame. */
    void accessible(String page) {
        Chromium.assertAccessible(driver, page);
        driver.switchTo().defaultContent();
        driver.switchTo().frame("tool-frame");
    }

    /** Types at the end of a field, as a person who clicked into it would. */
    void type(String id, String text) {
        WebElement element = driver.findElement(By.id(id));
        js("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        js("var el = arguments[0]; if (el.isContentEditable) { var r = document.createRange(); r.selectNodeContents(el);"
                + " r.collapse(false); var s = window.getSelection(); s.removeAllRanges(); s.addRange(r); }", element);
        element.sendKeys(text);
    }

    WebElement saveState() {
        return driver.findElement(By.id("save-state"));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebDriverWait wait(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.withMessage(() -> "the frame shows: " + driver.getPageSource());
        return wait;
    }

    void screenshot(String name) throws IOException {
        driver.switchTo().defaultContent();
        WebElement frame = driver.findElement(By.id("tool-frame"));
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + "-frame.png"), frame.getScreenshotAs(OutputType.BYTES));
        driver.switchTo().frame("tool-frame");
    }
}
