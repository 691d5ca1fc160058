package org.organizingworkbench.course;

/** A Teaching Fellow or student as a section shows them: their membership, name and role. */
public record SectionMember(long membershipId, String name, CourseRole role) {

    public boolean isStudent() {
        return role == CourseRole.LEARNER;
    }
}
