package org.organizingworkbench.access;

import org.organizingworkbench.course.CourseRole;

import java.util.Set;

/**
 * Who is asking, as the database says now: their membership of the course they launched into, the role the tool
 * gives them there (the LMS's, or the one an instructor chose in the tool), the sections they belong to and how
 * far the course lets its Teaching Fellows see. Built once per request by {@link Viewers}; the session token only
 * says which membership to read, never what it may do.
 */
public record Viewer(long personId, long courseId, long membershipId, CourseRole role, Set<Long> sectionIds,
                     FellowScope fellowScope) {

    public Viewer {
        sectionIds = Set.copyOf(sectionIds);
    }

    /**
     * A student as the author of their own work, for what they take with them (their data export): only their own
     * membership, no section, nothing of anyone else's.
     */
    public static Viewer authorOf(long personId, long courseId, long membershipId) {
        return new Viewer(personId, courseId, membershipId, CourseRole.LEARNER, Set.of(), FellowScope.SECTIONS);
    }

    public boolean isStaff() {
        return role.isStaff();
    }

    public boolean isInstructor() {
        return role == CourseRole.INSTRUCTOR;
    }

    public boolean isLearner() {
        return role == CourseRole.LEARNER;
    }

    /** Whether this viewer and a member with these sections meet in at least one section. */
    boolean sharesSectionWith(Set<Long> otherSections) {
        return otherSections.stream().anyMatch(sectionIds::contains);
    }
}
