package org.organizingworkbench.access;

import org.organizingworkbench.course.CourseRole;

/**
 * The course roles' part of the policy, as a pure function of what the database said: only students have work;
 * nobody reaches across courses; a student writes, reads and answers feedback on their own work only and never
 * grades; an instructor reads, comments on and grades every student of the course; a Teaching Fellow does so for
 * the students who share a section with them, or every student when the course widened their scope. Nobody but
 * the author writes.
 */
final class RoleRules {

    private RoleRules() {
    }

    static boolean allow(Viewer viewer, Purpose purpose, Member author) {
        if (author.courseId() != viewer.courseId() || author.role() != CourseRole.LEARNER) {
            return false;
        }
        boolean own = author.membershipId() == viewer.membershipId();
        return switch (viewer.role()) {
            case LEARNER -> own && purpose != Purpose.GRADE;
            case INSTRUCTOR -> purpose != Purpose.WRITE;
            case TEACHING_ASSISTANT -> purpose != Purpose.WRITE && fellowReaches(viewer, author);
        };
    }

    static boolean fellowReaches(Viewer fellow, Member author) {
        return fellow.fellowScope() == FellowScope.COURSE || fellow.sharesSectionWith(author.sectionIds());
    }
}
