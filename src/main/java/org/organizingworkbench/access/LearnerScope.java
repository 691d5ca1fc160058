package org.organizingworkbench.access;

import java.util.stream.Collectors;

/**
 * The students a viewer may see, as one SQL predicate over a {@code membership} row: the same rule as
 * {@link RoleRules}, for queries that list people. Every id in it is a number the database gave the viewer, so it
 * is written into the SQL rather than bound (nothing a request sends reaches it).
 */
public record LearnerScope(String predicate) {

    /** For example {@code LearnerScope.of(viewer).on("m")} in {@code … FROM membership m WHERE <here>}. */
    public static LearnerScope of(Viewer viewer) {
        String learnersOfCourse = "%1$s.course_id = " + viewer.courseId() + " AND %1$s.role = 'LEARNER'";
        return new LearnerScope(switch (viewer.role()) {
            case INSTRUCTOR -> learnersOfCourse;
            case LEARNER -> learnersOfCourse + " AND %1$s.id = " + viewer.membershipId();
            case TEACHING_ASSISTANT -> viewer.fellowScope() == FellowScope.COURSE ? learnersOfCourse
                    : learnersOfCourse + inSections(viewer);
        });
    }

    private static String inSections(Viewer viewer) {
        if (viewer.sectionIds().isEmpty()) {
            return " AND FALSE";
        }
        return " AND EXISTS (SELECT 1 FROM section_member scope_sm WHERE scope_sm.membership_id = %1$s.id"
                + " AND scope_sm.section_id IN (" + viewer.sectionIds().stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(", ")) + "))";
    }

    /** The predicate for a membership table aliased {@code alias}, in parentheses. */
    public String on(String alias) {
        if (!alias.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not an SQL alias: " + alias);
        }
        return "(" + predicate.formatted(alias) + ")";
    }
}
