package org.organizingworkbench.launch;

import org.organizingworkbench.course.CourseRole;

import java.time.Instant;

/**
 * Who is using the tool after a launch, carried in a signed session token on every request (no cookie: cookies
 * inside an LMS iframe are third-party and browsers drop them).
 *
 * @param personId null for an anonymous launch
 * @param courseId null for a launch outside a course
 * @param resourceLinkId the row of the launched resource link; null when the launch had none
 */
public record Session(Long personId, String displayName, Long courseId, String courseTitle, Long membershipId,
                      CourseRole role, long platformId, long deploymentRowId, String locale, Instant expiresAt,
                      Long resourceLinkId) {

    /** The same session with the role the database gives its member now (the token's may be outdated). */
    public Session withRole(CourseRole current) {
        return new Session(personId, displayName, courseId, courseTitle, membershipId, current, platformId,
                deploymentRowId, locale, expiresAt, resourceLinkId);
    }

    public boolean inCourse() {
        return courseId != null;
    }
}
