package org.organizingworkbench.web.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down guessing of the admin secret, per client: after {@code maxFailures} wrong secrets from one client
 * ({@link ClientAddress}) within {@code window}, that client's sign-ins are refused until the oldest of them leaves
 * the window. Other clients, the administrator among them, are not affected. At most {@code maxClients} clients
 * are remembered (the longest quiet go first), so a flood of addresses cannot fill the memory. Counted per node.
 */
final class SignInThrottle {

    private final int maxFailures;
    private final Duration window;
    private final int maxClients;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true);

    SignInThrottle(int maxFailures, Duration window, int maxClients) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxClients = maxClients;
    }

    synchronized boolean allows(String client, Instant now) {
        Deque<Instant> recent = failures.get(client);
        if (recent == null) {
            return true;
        }
        forgetBefore(recent, now.minus(window));
        return recent.size() < maxFailures;
    }

    synchronized void failed(String client, Instant now) {
        Deque<Instant> recent = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        forgetBefore(recent, now.minus(window));
        recent.addLast(now);
        while (recent.size() > maxFailures) {
            recent.removeFirst();
        }
        if (failures.size() > maxClients) {
            Iterator<Map.Entry<String, Deque<Instant>>> eldest = failures.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    private static void forgetBefore(Deque<Instant> recent, Instant cutoff) {
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.removeFirst();
        }
    }
}
