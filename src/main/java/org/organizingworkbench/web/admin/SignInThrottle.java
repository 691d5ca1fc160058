package org.organizingworkbench.web.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Slows down guessing of the admin secret: after {@code maxFailures} wrong secrets within {@code window}, sign-in
 * is refused until the oldest of them leaves the window. Counted per node and for all callers together (client
 * addresses behind a proxy cannot be trusted), which is enough for a secret that only operators use.
 */
final class SignInThrottle {

    private final int maxFailures;
    private final Duration window;
    private final Deque<Instant> failures = new ArrayDeque<>();

    SignInThrottle(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
    }

    synchronized boolean allows(Instant now) {
        forgetBefore(now.minus(window));
        return failures.size() < maxFailures;
    }

    synchronized void failed(Instant now) {
        forgetBefore(now.minus(window));
        failures.addLast(now);
    }

    private void forgetBefore(Instant cutoff) {
        while (!failures.isEmpty() && failures.peekFirst().isBefore(cutoff)) {
            failures.removeFirst();
        }
    }
}
