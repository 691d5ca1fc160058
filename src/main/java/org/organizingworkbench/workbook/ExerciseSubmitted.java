package org.organizingworkbench.workbook;

import java.time.Instant;

/**
 * A student handed an exercise in. Announced inside the submission's transaction, so an observer that writes
 * (grading queues "submitted, pending grading" for the LMS; peer review hands out work to review) commits or rolls
 * back with the submission itself.
 *
 * @param number the submission's number for this exercise, 1 for the first
 */
public record ExerciseSubmitted(long courseId, long authorId, long personId, String exerciseId, int number,
                                Instant submittedAt, boolean late) {
}
