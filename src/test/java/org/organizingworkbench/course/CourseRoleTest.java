package org.organizingworkbench.course;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.organizingworkbench.lti.LisRole;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CourseRoleTest {

    static final String TA_URI = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant";
    static final String INSTRUCTOR_URI = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    /** The roles as a launch would hand them over: normalised first, as LtiLaunch.roles() does. */
    static List<String> normalised(String... roles) {
        return Stream.of(roles).map(LisRole::normalize).toList();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("TA full URI alone", normalised(TA_URI), CourseRole.TEACHING_ASSISTANT),
                arguments("TA full URI wins over Instructor (Canvas sends both)", normalised(INSTRUCTOR_URI, TA_URI),
                        CourseRole.TEACHING_ASSISTANT),
                arguments("TA full URI wins, Instructor after it", normalised(TA_URI, INSTRUCTOR_URI),
                        CourseRole.TEACHING_ASSISTANT),
                arguments("short 'TeachingAssistant' wins over short 'Instructor'", normalised("Instructor", "TeachingAssistant"),
                        CourseRole.TEACHING_ASSISTANT),
                arguments("membership#TeachingAssistant form", normalised(LisRole.MEMBERSHIP + "TeachingAssistant"),
                        CourseRole.TEACHING_ASSISTANT),
                arguments("Instructor full URI", normalised(INSTRUCTOR_URI), CourseRole.INSTRUCTOR),
                arguments("short 'Instructor'", normalised("Instructor"), CourseRole.INSTRUCTOR),
                arguments("Administrator", normalised(LisRole.ADMINISTRATOR), CourseRole.INSTRUCTOR),
                arguments("short 'Administrator'", normalised("Administrator"), CourseRole.INSTRUCTOR),
                arguments("ContentDeveloper", normalised(LisRole.CONTENT_DEVELOPER), CourseRole.INSTRUCTOR),
                arguments("short 'ContentDeveloper'", normalised("ContentDeveloper"), CourseRole.INSTRUCTOR),
                arguments("Instructor wins over Learner", normalised(LisRole.LEARNER, INSTRUCTOR_URI), CourseRole.INSTRUCTOR),
                arguments("Learner", normalised(LisRole.LEARNER), CourseRole.LEARNER),
                arguments("short 'Learner'", normalised("Learner"), CourseRole.LEARNER),
                arguments("Mentor", normalised(LisRole.MENTOR), CourseRole.LEARNER),
                arguments("short 'Mentor'", normalised("Mentor"), CourseRole.LEARNER),
                arguments("unknown role", normalised("http://example.com/roles#Organizer"), CourseRole.LEARNER),
                arguments("institution role only (not a course role)",
                        normalised("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor"), CourseRole.LEARNER),
                arguments("no roles", List.<String>of(), CourseRole.LEARNER));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @MethodSource("cases")
    void fromLtiRoles(String description, List<String> roles, CourseRole expected) {
        assertEquals(expected, CourseRole.fromLtiRoles(roles), description + " " + roles);
    }

    @Test
    @DisplayName("the short TA name normalises to the TA sub-role URI")
    void shortTeachingAssistantNormalises() {
        assertEquals(TA_URI, LisRole.normalize("TeachingAssistant"));
        assertEquals(TA_URI, LisRole.TEACHING_ASSISTANT);
    }

    @Test
    @DisplayName("only learners are not staff")
    void isStaff() {
        assertTrue(CourseRole.INSTRUCTOR.isStaff());
        assertTrue(CourseRole.TEACHING_ASSISTANT.isStaff());
        assertFalse(CourseRole.LEARNER.isStaff());
    }
}
