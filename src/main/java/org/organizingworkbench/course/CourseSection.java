package org.organizingworkbench.course;

import java.util.List;

/** A section with its active Teaching Fellows and students, each by name. */
public record CourseSection(long id, String name, List<SectionMember> fellows, List<SectionMember> students) {

    public CourseSection {
        fellows = List.copyOf(fellows);
        students = List.copyOf(students);
    }

    public boolean includes(long membershipId) {
        return fellows.stream().anyMatch(m -> m.membershipId() == membershipId)
                || students.stream().anyMatch(m -> m.membershipId() == membershipId);
    }
}
