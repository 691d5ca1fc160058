package org.organizingworkbench.course;

/**
 * Who launched and where, as the roster recorded it.
 *
 * @param personId     null for an anonymous launch
 * @param courseId     null for a launch outside a course (no context claim)
 * @param membershipId null unless both person and course are known
 */
public record Enrolment(Long personId, String displayName, Long courseId, String courseTitle, Long membershipId,
                        CourseRole role) {
}
