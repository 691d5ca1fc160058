package org.organizingworkbench.grading;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryDecisionTest {

    private static final Instant NOW = Instant.parse("2026-11-23T19:29:25.123Z");

    @Test
    void aTwoHundredIsSent() {
        assertInstanceOf(DeliveryDecision.Sent.class, DeliveryDecision.after(200, "", 0, NOW, 0.5));
        assertInstanceOf(DeliveryDecision.Sent.class, DeliveryDecision.after(204, null, 3, NOW, 0.5));
    }

    @Test
    void outagesTimeoutsAndRefusedTokensAreRetriedWithGrowingBackoff() {
        for (int status : new int[]{0, 500, 502, 503, 504, 429, 401}) {
            var decision = assertInstanceOf(DeliveryDecision.Retry.class, DeliveryDecision.after(status, "x", 0, NOW, 0.5));
            assertEquals(NOW.plusSeconds(2), decision.nextAttemptAt(), "status " + status);
        }
        var third = assertInstanceOf(DeliveryDecision.Retry.class, DeliveryDecision.after(500, "x", 3, NOW, 0.5));
        assertEquals(NOW.plusSeconds(16), third.nextAttemptAt());
        assertTrue(third.reason().contains("HTTP 500"));
    }

    @Test
    void backoffIsJitteredAndCappedAtTenMinutes() {
        assertEquals(Duration.ofMillis(1500), DeliveryDecision.backoff(0, 0));
        assertEquals(Duration.ofMillis(2400), DeliveryDecision.backoff(0, 0.9));
        assertEquals(Duration.ofMinutes(10), DeliveryDecision.backoff(9, 0.5));
        assertEquals(Duration.ofMinutes(10), DeliveryDecision.backoff(60, 0.99));
        assertEquals(Duration.ofSeconds(450), DeliveryDecision.backoff(60, 0));
    }

    @Test
    void moodlesConflictAndCanvassOlderTimestampAreRestampedSoon() {
        var moodle = assertInstanceOf(DeliveryDecision.Restamp.class,
                DeliveryDecision.after(409, "Refusing score with an earlier timestamp", 0, NOW, 0.5));
        assertTrue(moodle.nextAttemptAt().isBefore(NOW.plusSeconds(1)));
        assertInstanceOf(DeliveryDecision.Restamp.class, DeliveryDecision.after(400,
                "{\"errors\":[{\"message\":\"Timestamp must be newer than the existing result's updated_at\"}]}", 0, NOW, 0.5));
        assertInstanceOf(DeliveryDecision.Restamp.class,
                DeliveryDecision.after(400, "score timestamp is older than the stored one", 1, NOW, 0.5));
    }

    @Test
    void endlessConflictsSlowDown() {
        var late = assertInstanceOf(DeliveryDecision.Restamp.class,
                DeliveryDecision.after(409, "conflict", DeliveryDecision.MAX_RESTAMPS_SOON + 2, NOW, 0.5));
        assertEquals(NOW.plusSeconds(8), late.nextAttemptAt());
    }

    @Test
    void aUserWhoCannotBeGradedFailsForGoodWithThePlatformsExplanation() {
        var canvas = assertInstanceOf(DeliveryDecision.Failed.class, DeliveryDecision.after(422,
                "User not found in course or is not a student", 0, NOW, 0.5));
        assertTrue(canvas.reason().contains("not a student"));
        var moodle = assertInstanceOf(DeliveryDecision.Failed.class,
                DeliveryDecision.after(400, "Incorrect score received", 0, NOW, 0.5));
        assertEquals("HTTP 400: Incorrect score received", moodle.reason());
        assertInstanceOf(DeliveryDecision.Failed.class, DeliveryDecision.after(404, "no such line item", 0, NOW, 0.5));
    }

    @Test
    void theTimestampIsNowButAtLeastOneSecondAfterTheLastOneSent() {
        assertEquals(NOW, DeliveryDecision.timestamp(NOW, null));
        assertEquals(NOW, DeliveryDecision.timestamp(NOW, NOW.minusSeconds(5)));
        assertEquals(NOW.plusMillis(700), DeliveryDecision.timestamp(NOW, NOW.minusMillis(300)),
                "two grades within a second: Moodle compares seconds, so the second one goes a full second later");
        assertEquals(NOW.plusSeconds(1), DeliveryDecision.timestamp(NOW, NOW));
        assertEquals(NOW.plusSeconds(31), DeliveryDecision.timestamp(NOW, NOW.plusSeconds(30)), "a clock behind the last stamp");
        assertEquals(NOW, DeliveryDecision.timestamp(NOW.plusNanos(999_999), null), "milliseconds, as sent");
    }
    @Test
    void aRepeatOfAnUnansweredPostThatThePlatformAlreadyHoldsCountsAsSentNotSentAgain() {
        assertInstanceOf(DeliveryDecision.Sent.class,
                DeliveryDecision.after(409, "Refusing score with an earlier timestamp", 1, NOW, 0.5, true));
        assertInstanceOf(DeliveryDecision.Sent.class, DeliveryDecision.after(400,
                "The timestamp is earlier than the updated_at of the result", 0, NOW, 0.5, true));
        assertInstanceOf(DeliveryDecision.Restamp.class,
                DeliveryDecision.after(409, "Refusing score with an earlier timestamp", 1, NOW, 0.5, false),
                "a conflict on a fresh timestamp still means the platform holds something newer");
        assertInstanceOf(DeliveryDecision.Retry.class, DeliveryDecision.after(503, "", 1, NOW, 0.5, true));
        assertInstanceOf(DeliveryDecision.Failed.class, DeliveryDecision.after(422, "not a student", 1, NOW, 0.5, true));
    }
}
