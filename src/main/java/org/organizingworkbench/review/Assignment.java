package org.organizingworkbench.review;

import java.time.Instant;

/**
 * A piece handed to a reviewer: whose, which submission of the exercise, by when, and the author's answer to the
 * review (helpfulness 1..5, a flag).
 */
public record Assignment(long id, long roundId, long courseId, String exerciseId, long reviewerId, long authorId,
                         int submissionNumber, AssignmentStatus status, Instant assignedAt, Instant dueAt,
                         Instant submittedAt, Integer helpfulness, boolean flagged, String flagNote) {

    public boolean late(Instant now) {
        return status == AssignmentStatus.ASSIGNED && now.isAfter(dueAt);
    }
}
