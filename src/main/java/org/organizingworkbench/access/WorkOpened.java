package org.organizingworkbench.access;

import java.time.Instant;

/**
 * A member of staff (or anyone other than the author) opened a student's work. Fired by {@link AccessPolicy#opened}
 * where a page really shows the work, so that the student's data can say who read it.
 *
 * @param what a short name of what was opened, e.g. {@code exercise:story-of-self}, {@code pdf}, {@code history}
 */
public record WorkOpened(long viewerMembershipId, long courseId, long learnerId, String what, Instant at) {
}
