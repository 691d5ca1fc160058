package org.organizingworkbench.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium through its own ChromeDriver (no browser download at test time), and the WCAG 2.1 AA
 * rules of axe-core. On CI a missing browser fails the run; on a developer machine it skips the browser tests.
 * Every browser test fails on any Content-Security-Policy violation of any page it opened: {@link PolicyViolations}
 * (an extension JUnit finds by itself) reads the browser's console after each test of every open browser, and
 * {@link #quit} before a browser ends inside a test.
 */
final class Chromium {

    /** Open browsers, with the policy directives their test breaks on purpose (e.g. a refused frame). */
    private static final Map<WebDriver, Set<String>> OPEN = new ConcurrentHashMap<>();

    private Chromium() {
    }

    /** @param prefs Chromium preferences, e.g. cookie settings; empty for none */
    static WebDriver start(Map<String, Object> prefs, String... extraArguments) throws IOException {
        return startIn(null, prefs, extraArguments);
    }

    /** A browser whose clock is in {@code zone} (the TZ of its process), as a reader elsewhere on Earth has it. */
    static WebDriver startIn(java.time.ZoneId zone, Map<String, Object> prefs, String... extraArguments) throws IOException {
        boolean available = Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must install chromium and chromium-driver (see .ci/run)");
        }
        assumeTrue(available, "Debian's chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("ow-chromium"), "--window-size=1280,900");
        options.addArguments(extraArguments);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        if (!prefs.isEmpty()) {
            options.setExperimentalOption("prefs", prefs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .withEnvironment(zone == null ? Map.of() : Map.of("TZ", zone.getId())).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        OPEN.put(driver, ConcurrentHashMap.newKeySet());
        return driver;
    }

    /** For a test that makes the browser refuse something on purpose: violations of this directive are expected. */
    static void expectViolationsOf(WebDriver driver, String directive) {
        OPEN.get(driver).add(directive);
    }

    /** Fails on a policy violation the browser reported since the last look, then ends the browser. */
    static void quit(WebDriver driver) {
        try {
            assertNoPolicyViolation(driver);
        } finally {
            OPEN.remove(driver);
            driver.quit();
        }
    }

    /** Whether the browser has already ended (quit without {@link #quit}); forgets it if so. */
    static boolean ended(WebDriver driver) {
        if (driver instanceof org.openqa.selenium.remote.RemoteWebDriver remote && remote.getSessionId() == null) {
            OPEN.remove(driver);
            return true;
        }
        return false;
    }

    /** Every open browser, as {@link PolicyViolations} checks them after each test. */
    static Set<WebDriver> open() {
        return OPEN.keySet();
    }

    /**
     * Reads the browser's console since the last look (every frame's, the LMS page's and the tool's) and fails on
     * any Content-Security-Policy violation that its test did not expect.
     */
    static void assertNoPolicyViolation(WebDriver driver) {
        Set<String> expected = OPEN.getOrDefault(driver, Set.of());
        List<String> violations = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (message.contains("Content Security Policy") && expected.stream().noneMatch(message::contains)) {
                violations.add(message);
            }
        }
        assertTrue(violations.isEmpty(), "the browser reported Content-Security-Policy violations:\n  "
                + String.join("\n  ", violations));
    }

    /** Runs axe-core on the current document (not its frames) and fails with every violation it names. */
    static void assertAccessible(WebDriver driver, String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .disableIframeTesting().analyze(driver);
        String violations = results.getViolations().stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
                .reduce("", (a, b) -> a + "\n  " + b);
        assertTrue(results.getViolations().isEmpty(), page + " has accessibility violations:" + violations);
    }
}
