package org.organizingworkbench.web.admin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-23T22:00:00Z");
    private static final String OUTSIDER = "203.0.113.9";
    private static final String ADMIN = "198.51.100.20";

    @Test
    void tenWrongSecretsInAMinuteCloseSignInUntilTheOldestLeavesTheWindow() {
        SignInThrottle throttle = new SignInThrottle(10, Duration.ofMinutes(1), 1000);
        for (int i = 0; i < 9; i++) {
            throttle.failed(OUTSIDER, T0.plusSeconds(i));
        }
        assertTrue(throttle.allows(OUTSIDER, T0.plusSeconds(10)), "nine failures still allow a try");
        throttle.failed(OUTSIDER, T0.plusSeconds(10));
        assertFalse(throttle.allows(OUTSIDER, T0.plusSeconds(11)));
        assertFalse(throttle.allows(OUTSIDER, T0.plusSeconds(59)));
        assertTrue(throttle.allows(OUTSIDER, T0.plusSeconds(61)), "the first failure has left the window");
    }

    @Test
    void failuresSpreadOverTimeNeverClose() {
        SignInThrottle throttle = new SignInThrottle(10, Duration.ofMinutes(1), 1000);
        for (int i = 0; i < 100; i++) {
            throttle.failed(OUTSIDER, T0.plusSeconds(i * 7L));
            assertTrue(throttle.allows(OUTSIDER, T0.plusSeconds(i * 7L + 1)), "one try every 7 s is never throttled");
        }
    }

    @Test
    void anOutsidersWrongSecretsDoNotCloseSignInForTheAdministrator() {
        SignInThrottle throttle = new SignInThrottle(10, Duration.ofMinutes(1), 1000);
        for (int i = 0; i < 500; i++) {
            throttle.failed(OUTSIDER, T0.plusMillis(i));
        }
        assertFalse(throttle.allows(OUTSIDER, T0.plusSeconds(1)));
        assertTrue(throttle.allows(ADMIN, T0.plusSeconds(1)));
    }

    @Test
    void aFloodOfAddressesForgetsTheQuietestFirstAndStaysBounded() {
        SignInThrottle throttle = new SignInThrottle(2, Duration.ofMinutes(1), 100);
        throttle.failed(OUTSIDER, T0);
        throttle.failed(OUTSIDER, T0);
        for (int i = 0; i < 100; i++) {
            throttle.failed("10.0.0." + i, T0.plusMillis(i));
            assertFalse(throttle.allows(OUTSIDER, T0.plusMillis(i)), "recently used, so remembered");
        }
        for (int i = 0; i < 101; i++) {
            throttle.failed("10.0.1." + i, T0.plusMillis(200 + i));
        }
        assertTrue(throttle.allows(OUTSIDER, T0.plusSeconds(1)), "a client quiet longest was forgotten");
    }
}
