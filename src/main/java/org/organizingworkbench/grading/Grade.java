package org.organizingworkbench.grading;

import java.time.LocalDateTime;

/**
 * A learner's grade on one resource link, with the state of its latest delivery to the LMS.
 *
 * @param delivery null when the grade has never been queued for the LMS (the link has no line item)
 */
public record Grade(long id, long personId, Double scoreGiven, double scoreMaximum, String comment,
                    LocalDateTime updatedAt, Delivery delivery) {

    /** The latest outbox row of the grade, as the staff page shows it. */
    public record Delivery(DeliveryStatus status, LocalDateTime nextAttemptAt, int attempts, String lastError,
                           LocalDateTime sentAt) {
    }
}
