package org.organizingworkbench.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium through its own ChromeDriver (no browser download at test time), and the WCAG 2.1 AA
 * rules of axe-core. On CI a missing browser fails the run; on a developer machine it skips the browser tests.
 */
final class Chromium {

    private Chromium() {
    }

    /** @param prefs Chromium preferences, e.g. cookie settings; empty for none */
    static WebDriver start(Map<String, Object> prefs, String... extraArguments) throws IOException {
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
        if (!prefs.isEmpty()) {
            options.setExperimentalOption("prefs", prefs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
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
