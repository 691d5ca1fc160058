package org.organizingworkbench.access;

import org.organizingworkbench.course.CourseRole;

import java.util.Set;

/** What the policy needs to know about the member whose work is asked for, read from the database. */
public record Member(long membershipId, long courseId, CourseRole role, boolean active, Set<Long> sectionIds) {

    public Member {
        sectionIds = Set.copyOf(sectionIds);
    }
}
