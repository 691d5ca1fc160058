package org.organizingworkbench.course;

import org.organizingworkbench.lti.LisRole;

import java.util.List;

/** What a person may do in a course of this tool. Derived from the LMS roles of a launch. */
public enum CourseRole {
    /** Faculty: sets up the course, places activities, sees everything. */
    INSTRUCTOR,
    /** Teaching Fellow: coaches a section, sees the work of its students. */
    TEACHING_ASSISTANT,
    /** Student: leads a project, sees their own work and what peers share with them. */
    LEARNER;

    /**
     * Maps LIS context roles. A Teaching Assistant sub-role wins over Instructor (Canvas may send both); faculty-like
     * roles (Instructor, Administrator, ContentDeveloper) are instructors; Learner, Mentor, unknown roles and no
     * roles at all get the least privilege. Moodle launches a non-editing teacher as Instructor: that is what the
     * launch says, so that is what we keep (see docs/registering-moodle.md).
     */
    public static CourseRole fromLtiRoles(List<String> normalizedRoles) {
        if (normalizedRoles.contains(LisRole.TEACHING_ASSISTANT)) {
            return TEACHING_ASSISTANT;
        }
        if (normalizedRoles.contains(LisRole.INSTRUCTOR) || normalizedRoles.contains(LisRole.ADMINISTRATOR)
                || normalizedRoles.contains(LisRole.CONTENT_DEVELOPER)) {
            return INSTRUCTOR;
        }
        return LEARNER;
    }

    public boolean isStaff() {
        return this != LEARNER;
    }
}
