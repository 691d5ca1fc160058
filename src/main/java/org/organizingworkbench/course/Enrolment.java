package org.organizingworkbench.course;

/**
 * Who launched and where, as the roster recorded it.
 *
 * @param personId     null for an anonymous launch
 * @param courseId     null for a launch outside a course (no context claim)
 * @param membershipId null unless both person and course are known
 * @param resourceLinkId the row of the launch's resource link; null for a launch without one (deep linking)
 */
public record Enrolment(Long personId, String displayName, Long courseId, String courseTitle, Long membershipId,
                        CourseRole role, Long resourceLinkId) {
}
