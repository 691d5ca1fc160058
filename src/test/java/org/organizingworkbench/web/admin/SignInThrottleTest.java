package org.organizingworkbench.web.admin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-23T22:00:00Z");

    @Test
    void tenWrongSecretsInAMinuteCloseSignInUntilTheOldestLeavesTheWindow() {
        SignInThrottle throttle = new SignInThrottle(10, Duration.ofMinutes(1));
        for (int i = 0; i < 9; i++) {
            throttle.failed(T0.plusSeconds(i));
        }
        assertTrue(throttle.allows(T0.plusSeconds(10)), "nine failures still allow a try");
        throttle.failed(T0.plusSeconds(10));
        assertFalse(throttle.allows(T0.plusSeconds(11)));
        assertFalse(throttle.allows(T0.plusSeconds(59)));
        assertTrue(throttle.allows(T0.plusSeconds(61)), "the first failure has left the window");
    }

    @Test
    void failuresSpreadOverTimeNeverClose() {
        SignInThrottle throttle = new SignInThrottle(10, Duration.ofMinutes(1));
        for (int i = 0; i < 100; i++) {
            throttle.failed(T0.plusSeconds(i * 7L));
            assertTrue(throttle.allows(T0.plusSeconds(i * 7L + 1)), "one try every 7 s is never throttled");
        }
    }
}
