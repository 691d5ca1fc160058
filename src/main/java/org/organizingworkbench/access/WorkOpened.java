package org.organizingworkbench.access;

import java.time.Instant;

/**
 * A member of staff opened a student's work (an exercise, its history, the print view or PDF, coaching notes): fired
 * by the endpoint that served it, observed by {@code privacy.WorkReads}, which keeps it for the student's export.
 * A student opening their own work is not an event.
 *
 * @param what a short name of what was opened, e.g. {@code exercise:story-of-self}, {@code print}, {@code pdf}
 */
public record WorkOpened(long viewerMembershipId, long courseId, long learnerMembershipId, String what, Instant at) {
}
