package org.organizingworkbench.it;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * After each test, fails it if any open browser reported a Content-Security-Policy violation (an inline style the
 * policy blocked draws a chart black; an inline script does nothing). JUnit finds this extension by itself
 * ({@code junit-platform.properties}), so every browser test is checked, including the ones written later.
 */
public final class PolicyViolations implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        for (WebDriver driver : Chromium.open()) {
            if (Chromium.ended(driver)) {
                continue; // a browser a class ended without Chromium.quit: nothing left to read
            }
            Chromium.assertNoPolicyViolation(driver);
        }
    }
}
