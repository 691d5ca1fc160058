package org.organizingworkbench.lti;

import java.util.List;

/**
 * LIS role URIs as LTI sends them (LTI Core A.2). Platforms also send short names ("Learner", which Moodle uses in
 * NRPS) and deprecated forms; {@link #normalize} turns each into the full context-role URI where one exists.
 */
public final class LisRole {
    public static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    public static final String INSTRUCTOR = MEMBERSHIP + "Instructor";
    public static final String LEARNER = MEMBERSHIP + "Learner";
    public static final String TEACHING_ASSISTANT = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant";
    public static final String CONTENT_DEVELOPER = MEMBERSHIP + "ContentDeveloper";
    public static final String ADMINISTRATOR = MEMBERSHIP + "Administrator";
    public static final String MENTOR = MEMBERSHIP + "Mentor";

    private static final List<String> CONTEXT_ROLE_NAMES = List.of(
            "Administrator", "ContentDeveloper", "Instructor", "Learner", "Mentor", "Manager", "Member", "Officer");

    private LisRole() {
    }

    public static String normalize(String role) {
        if (role == null) {
            return "";
        }
        String trimmed = role.trim();
        if (CONTEXT_ROLE_NAMES.contains(trimmed)) {
            return MEMBERSHIP + trimmed;
        }
        if ("TeachingAssistant".equals(trimmed) || trimmed.equals(MEMBERSHIP + "TeachingAssistant")) {
            return TEACHING_ASSISTANT;
        }
        return trimmed;
    }
}
