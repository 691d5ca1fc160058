package org.organizingworkbench.coaching;

import java.time.Instant;

/**
 * Staff released a score on a student's exercise: announced by {@link Feedbacks#release} in its transaction, so the
 * gradebook side (grading) records the grade on every placed activity of the exercise and queues it for the LMS.
 *
 * @param personId    the student's person (grades are kept per person and resource link)
 * @param gradedBy    the staff membership who gave the feedback, null when they were deleted
 * @param submittedAt the student's latest submission of the exercise, null when they never submitted
 */
public record FeedbackReleased(long courseId, long learnerId, long personId, String exerciseId, double scoreGiven,
                               double scoreMaximum, String comment, Long gradedBy, Instant submittedAt) {
}
