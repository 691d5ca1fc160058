package org.organizingworkbench.review;

import java.time.Instant;

/**
 * A student in a round as staff see it: who, their section, when they submitted, whether excused, their revision
 * plan and revision.
 *
 * @param personId      the person, whose grades go to the LMS
 * @param revisedNumber the submission that revised the work after the reviews (null: not yet)
 */
public record RoundMember(long membershipId, long personId, String name, String section, int submissionNumber, Instant submittedAt,
                          boolean excused, String revisionPlan, Integer revisedNumber) {
}
