package org.organizingworkbench.web.home;

import org.organizingworkbench.course.Course;
import org.organizingworkbench.course.Membership;
import org.organizingworkbench.course.RosterSync;

import java.util.List;

/**
 * The course roster as staff see it (fragment {@code fragments/roster}): the members in the reader's scope counted by
 * role, whether a sync from the LMS is running or what the last one did, and when it last ran ({@code lastSynced}, a
 * {@code <time>} element, or null).
 */
public record RosterView(List<Membership> members, long learners, long fellows, long instructors, String scope,
                         Course course, boolean syncing, RosterSync.Outcome syncOutcome, String lastSynced) {
}
