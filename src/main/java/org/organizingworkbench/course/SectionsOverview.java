package org.organizingworkbench.course;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an instructor needs to arrange sections: the sections with their members, and every active Teaching Fellow
 * and student of the course who could be placed, so the page can say who has no section yet.
 */
public record SectionsOverview(List<CourseSection> sections, List<SectionMember> fellows, List<SectionMember> students) {

    public SectionsOverview {
        sections = List.copyOf(sections);
        fellows = List.copyOf(fellows);
        students = List.copyOf(students);
    }

    /** Students in no section, in the order of {@link #students()}. */
    public List<SectionMember> unassigned() {
        Map<Long, CourseSection> placed = placement();
        return students.stream().filter(s -> !placed.containsKey(s.membershipId())).toList();
    }

    /** The section a student is in, if any (a student is in at most one section of a course). */
    public Optional<CourseSection> sectionOf(long studentId) {
        return Optional.ofNullable(placement().get(studentId));
    }

    private Map<Long, CourseSection> placement() {
        Map<Long, CourseSection> placed = new HashMap<>();
        for (CourseSection section : sections) {
            section.students().forEach(s -> placed.putIfAbsent(s.membershipId(), section));
        }
        return placed;
    }
}
