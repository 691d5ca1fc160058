package org.organizingworkbench.grading;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What to do with an outbox row after the platform answered a score POST (AGS 2.0 §3.4), as a pure function of the
 * answer, so every rule can be tested without a container.
 */
public sealed interface DeliveryDecision {

    /** The platform stored the score. */
    record Sent() implements DeliveryDecision {
    }

    /** Try again at the given time with a fresh timestamp (outage, timeout, throttling, refused token). */
    record Retry(Instant nextAttemptAt, String reason) implements DeliveryDecision {
    }

    /** The platform holds a score at least as new: send again soon with a later timestamp. */
    record Restamp(Instant nextAttemptAt, String reason) implements DeliveryDecision {
    }

    /** Refused for good (e.g. a user who cannot be graded); only a person can resend it. */
    record Failed(String reason) implements DeliveryDecision {
    }

    Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    Duration MAX_BACKOFF = Duration.ofMinutes(10);
    Duration RESTAMP_DELAY = Duration.ofMillis(200);
    int MAX_RESTAMPS_SOON = 5;

    // Canvas: 400 "…timestamp…earlier/older…"; Moodle: 409 "Refusing score with an earlier timestamp" (LTI.md §3.3, §3.4).
    Pattern EARLIER_TIMESTAMP = Pattern.compile("(earlier|older|newer|before).{0,40}timestamp|timestamp.{0,60}(earlier|older|before|newer)");

    /**
     * @param status        the HTTP status, 0 when no answer was read (I/O error, timeout)
     * @param body          the start of the platform's answer, which says why
     * @param attemptsSoFar attempts before this one
     * @param jitter        a number in [0, 1) that spreads retries of many rows apart
     */
    static DeliveryDecision after(int status, String body, int attemptsSoFar, Instant now, double jitter) {
        return after(status, body, attemptsSoFar, now, jitter, false);
    }

    /**
     * @param repeatsUnanswered whether this POST repeated, with the same timestamp, one whose answer was never read
     *                          (a timeout, or a node stopped mid-POST): then a "not newer" conflict means the
     *                          platform already holds this very score, and it counts as sent, not sent twice
     */
    static DeliveryDecision after(int status, String body, int attemptsSoFar, Instant now, double jitter,
                                  boolean repeatsUnanswered) {
        String reason = status == 0 ? nonNull(body) : "HTTP " + status + ": " + nonNull(body);
        if (status / 100 == 2) {
            return new Sent();
        }
        boolean notNewer = status == 409 || (status == 400 && mentionsEarlierTimestamp(body));
        if (notNewer && repeatsUnanswered) {
            return new Sent();
        }
        if (notNewer) {
            // Repeated conflicts mean the platform's stored time is ahead of ours: slow down like any other retry.
            Instant at = attemptsSoFar < MAX_RESTAMPS_SOON ? now.plus(RESTAMP_DELAY)
                    : now.plus(backoff(attemptsSoFar - MAX_RESTAMPS_SOON, jitter));
            return new Restamp(at, reason);
        }
        if (status == 0 || status / 100 == 5 || status == 429 || status == 401 || status == 408) {
            return new Retry(now.plus(backoff(attemptsSoFar, jitter)), reason);
        }
        return new Failed(reason);
    }

    /** 2 s · 2^attempts, at most 10 minutes, scaled by 0.75 to 1.25 so that many rows do not retry together. */
    static Duration backoff(int attemptsSoFar, double jitter) {
        Duration base = attemptsSoFar >= 20 ? MAX_BACKOFF : FIRST_BACKOFF.multipliedBy(1L << Math.max(0, attemptsSoFar));
        if (base.compareTo(MAX_BACKOFF) > 0) {
            base = MAX_BACKOFF;
        }
        long millis = Math.round(base.toMillis() * (0.75 + 0.5 * jitter));
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    /**
     * The timestamp of the next score for a user and line item: now, but at least one second after the last one
     * sent, because Moodle compares whole seconds and refuses a score not newer than the stored one (409). Kept to
     * milliseconds, the precision of the JSON and of the outbox column.
     */
    static Instant timestamp(Instant now, Instant lastSent) {
        Instant stamp = now.truncatedTo(ChronoUnit.MILLIS);
        if (lastSent != null && !stamp.isAfter(lastSent.plusSeconds(1).minusMillis(1))) {
            stamp = lastSent.plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        }
        return stamp;
    }

    static boolean mentionsEarlierTimestamp(String body) {
        return body != null && EARLIER_TIMESTAMP.matcher(body.toLowerCase(Locale.ROOT)).find();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
