package org.organizingworkbench.access;

import java.util.stream.Collectors;

/**
 * The members of a course a viewer may see in its roster, as one SQL predicate over a {@code membership} row:
 * an instructor everyone; a Teaching Fellow the people who share a section with them (their students and co-Fellows)
 * or everyone when the course widened their scope; a student only themselves. Like {@link LearnerScope}, every id
 * in it comes from the database.
 */
public record PeopleScope(String predicate) {

    public static PeopleScope of(Viewer viewer) {
        String ofCourse = "%1$s.course_id = " + viewer.courseId();
        return new PeopleScope(switch (viewer.role()) {
            case INSTRUCTOR -> ofCourse;
            case LEARNER -> ofCourse + " AND %1$s.id = " + viewer.membershipId();
            case TEACHING_ASSISTANT -> viewer.fellowScope() == FellowScope.COURSE ? ofCourse
                    : ofCourse + " AND (%1$s.id = " + viewer.membershipId() + sharing(viewer) + ")";
        });
    }

    private static String sharing(Viewer viewer) {
        if (viewer.sectionIds().isEmpty()) {
            return "";
        }
        return " OR EXISTS (SELECT 1 FROM section_member scope_sm WHERE scope_sm.membership_id = %1$s.id"
                + " AND scope_sm.section_id IN (" + viewer.sectionIds().stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(", ")) + "))";
    }

    public String on(String alias) {
        if (!alias.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not an SQL alias: " + alias);
        }
        return "(" + predicate.formatted(alias) + ")";
    }
}
