package org.organizingworkbench.it;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Framing in a real browser (issue 13): a site that is not a platform puts the admin page and the tool in its own
 * frames, and Chromium shows neither; the development emulator, a registered and active platform, frames the tool
 * and it renders, but even the emulator cannot frame the admin page.
 */
@ExtendWith(SharedTool.class)
class FramingInBrowserIT {

    private static final String TOOL = EmulatorLaunch.TOOL;
    private static final String EMULATOR = EmulatorLaunch.EMULATOR + "/emulator";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The tool's own banner: the browser's page for a refused frame has a heading, but never this. */
    private static final By TOOL_BANNER = By.cssSelector("header.banner");
    private static WebDriver driver;
    private static HttpServer foreign;


    @BeforeAll
    static void start() throws IOException {
        driver = Chromium.start(Map.of());
        // this test frames the tool where it must refuse to be framed: those refusals are the point
        Chromium.expectViolationsOf(driver, "frame-ancestors");
        Files.createDirectories(SCREENSHOTS);
        // Another site (its own port on 127.0.0.1): a page that frames whatever address it is given, as an attacker's would.
        foreign = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        foreign.createContext("/frame", exchange -> {
            String src = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("src=".length()), StandardCharsets.UTF_8);
            byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><title>waiting</title></head><body><h1>Win a prize</h1>"
                    + "<iframe id=\"f\" title=\"framed\" width=\"900\" height=\"600\" src=\"" + src.replace("\"", "")
                    + "\" onload=\"document.title='loaded'\"></iframe></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        foreign.start();
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            Chromium.quit(driver);
        }
        if (foreign != null) {
            foreign.stop(0);
        }
    }

    @Test
    void aForeignSiteCannotShowTheAdminPageOrTheTool() throws IOException {
        assertEquals(0, framed(foreignPage(TOOL + "/admin"), By.id("secret")), "the admin sign-in does not render");
        screenshot("foreign-site-frames-admin");
        assertEquals(0, framed(foreignPage(TOOL + "/"), TOOL_BANNER), "nor does a tool page");
        screenshot("foreign-site-frames-tool");
    }

    @Test
    void theEmulatorShowsTheToolButNotTheAdminPage() throws IOException {
        driver.get(EMULATOR);
        WebElement frame = driver.findElement(By.id("tool-frame"));
        load(frame, TOOL + "/");
        driver.switchTo().frame(frame);
        WebElement heading = new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(TOOL_BANNER));
        assertTrue(heading.isDisplayed(), "the tool renders inside the platform's frame");
        driver.switchTo().defaultContent();
        screenshot("emulator-frames-tool");

        driver.get(EMULATOR);
        frame = driver.findElement(By.id("tool-frame"));
        load(frame, TOOL + "/admin");
        assertEquals(0, framedCount(frame, By.id("secret")), "not even a registered platform may frame the admin page");
        screenshot("emulator-frames-admin");
    }

    @Test
    void theAdminPageRendersOnItsOwn() {
        driver.get(TOOL + "/admin");
        assertEquals(1, driver.findElements(By.id("secret")).size(), "the control: the page itself works");
    }

    private static WebElement foreignPage(String src) {
        driver.get("http://127.0.0.1:" + foreign.getAddress().getPort() + "/frame?src=" + src);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.titleIs("loaded"));
        return driver.findElement(By.id("f"));
    }

    private static int framed(WebElement frame, By what) {
        return framedCount(frame, what);
    }

    /** How many of these elements the frame shows (0 when the browser refused to render it there). */
    private static int framedCount(WebElement frame, By what) {
        driver.switchTo().frame(frame);
        try {
            return driver.findElements(what).size();
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    /** Points the emulator's frame at an address and waits until the browser is done with it (shown or refused). */
    private static void load(WebElement frame, String src) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.__framed = false; arguments[0].addEventListener('load', function () { window.__framed = true; });"
                + " arguments[0].src = arguments[1];", frame, src);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js.executeScript("return window.__framed;")));
    }

    private static void screenshot(String name) throws IOException {
        driver.switchTo().defaultContent();
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
