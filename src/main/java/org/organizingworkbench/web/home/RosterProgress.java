package org.organizingworkbench.web.home;

import org.organizingworkbench.course.Course;

/** Fragment {@code fragments/roster-progress}: a roster sync under way, polled until it ends. */
public record RosterProgress(Course course) {
}
