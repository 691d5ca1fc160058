package org.organizingworkbench.grading;

import org.junit.jupiter.api.Test;
import org.organizingworkbench.lti.Score;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The score a delivery posts: what Canvas reads as the learner's submission, and nothing extra for other LMSs. */
class DeliveredScoreTest {

    private static final Instant STAMP = Instant.parse("2026-11-23T20:00:00.123Z");
    private static final Instant SUBMITTED = Instant.parse("2026-11-20T09:15:00Z");

    private static GradeDeliveries.Outgoing row(Instant submittedAt) {
        return new GradeDeliveries.Outgoing(7, 3, "https://lms.example/lineitems/1", "student-1", 17.0, 20, "Good",
                "Completed", "FullyGraded", STAMP, 0, submittedAt, false);
    }

    @Test
    void canvasGetsTheSubmissionTimeAndNoNewAttempt() {
        Score score = GradeDeliveryWorker.score(row(SUBMITTED), true);
        assertEquals(Map.of("submitted_at", "2026-11-20T09:15:00.000Z", "new_submission", false),
                score.extensions().get(Score.CANVAS_SUBMISSION));
        assertEquals(17.0, score.scoreGiven());
        assertEquals(STAMP, score.timestamp(), "the AGS timestamp stays the delivery's own");
    }

    @Test
    void canvasWithoutAKnownSubmissionTimeGetsNoInventedOne() {
        Map<?, ?> submission = (Map<?, ?>) GradeDeliveryWorker.score(row(null), true).extensions().get(Score.CANVAS_SUBMISSION);
        assertFalse(submission.containsKey("submitted_at"));
        assertEquals(false, submission.get("new_submission"));
    }

    @Test
    void aLearnersSubmissionIsSubmittedPendingManualWithoutAScoreAndANewAttemptInCanvas() {
        GradeDeliveries.Outgoing submitted = new GradeDeliveries.Outgoing(8, 3, "https://lms.example/lineitems/1",
                "student-1", null, 100, null, "Submitted", "PendingManual", STAMP, 0, SUBMITTED, false);
        Score score = GradeDeliveryWorker.score(submitted, true);
        assertEquals(null, score.scoreGiven());
        assertEquals(null, score.scoreMaximum(), "no maximum without a score (Canvas refuses half a score)");
        assertEquals("Submitted", score.activityProgress().jsonValue());
        assertEquals("PendingManual", score.gradingProgress().jsonValue());
        assertEquals(Map.of("submitted_at", "2026-11-20T09:15:00.000Z", "new_submission", true),
                score.extensions().get(Score.CANVAS_SUBMISSION));
    }

    @Test
    void otherPlatformsGetThePlainAgsScore() {
        assertTrue(GradeDeliveryWorker.score(row(SUBMITTED), false).extensions().isEmpty());
    }
}
