package org.organizingworkbench.grading;

import java.time.LocalDateTime;

/**
 * A learner's grade on one resource link, with the state of its latest delivery to the LMS.
 *
 * @param delivery    null when the grade has never been queued for the LMS (the link has no line item)
 * @param submittedAt when the learner last submitted the work, null when unknown
 * @param gradedAt    when staff last gave the score, null when no score was given
 */
public record Grade(long id, long personId, Double scoreGiven, double scoreMaximum, String comment,
                    LocalDateTime updatedAt, Delivery delivery, LocalDateTime submittedAt, LocalDateTime gradedAt) {

    /** The learner submitted again after this grade was given: their newer work waits for the grader. */
    public boolean newerWorkWaits() {
        return scoreGiven != null && submittedAt != null && gradedAt != null && submittedAt.isAfter(gradedAt);
    }

    /** The score on another scale (the line item's maximum, when the LMS changed it since). */
    public Double scoreOutOf(double maximum) {
        if (scoreGiven == null || !(scoreMaximum > 0) || scoreMaximum == maximum) {
            return scoreGiven;
        }
        return Math.round(scoreGiven * maximum / scoreMaximum * 100) / 100.0;
    }

    /** The latest outbox row of the grade, as the staff page shows it. */
    public record Delivery(DeliveryStatus status, LocalDateTime nextAttemptAt, int attempts, String lastError,
                           LocalDateTime sentAt) {
    }
}
