package org.organizingworkbench.course;

/**
 * A member as the people page shows them to an instructor: the role the tool gives them, what the LMS says, and
 * whether an instructor chose the role in the tool.
 */
public record RoleChoice(long membershipId, String name, CourseRole role, CourseRole lmsRole, boolean chosenInTool) {
}
