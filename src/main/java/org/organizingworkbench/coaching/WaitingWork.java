package org.organizingworkbench.coaching;

import java.time.Instant;

/**
 * A submission in the grading queue: never graded, graded but not released, or submitted again after the grade.
 *
 * @param resubmitted the student submitted after the feedback was given
 */
public record WaitingWork(long learnerId, String learnerName, String exerciseId, int number, Instant submittedAt,
                          boolean late, boolean drafted, boolean resubmitted) {
}
