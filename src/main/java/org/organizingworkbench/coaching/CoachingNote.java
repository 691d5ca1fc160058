package org.organizingworkbench.coaching;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One coaching conversation with a student: observation, diagnosis, what the coach asked or offered
 * (intervention), what the student committed to, and when to follow up.
 *
 * @param shared      false: staff only, never shown to the student
 * @param confirmedAt when the student confirmed the commitment, null until then
 */
public record CoachingNote(long id, long learnerId, Long authorId, String authorName, String observation,
                           Diagnosis diagnosis, String intervention, String commitment, LocalDate followUpOn,
                           Instant followedUpAt, boolean shared, Instant confirmedAt, Instant createdAt) {
}
