package org.organizingworkbench.coaching;

import org.junit.jupiter.api.Test;
import org.organizingworkbench.access.FellowScope;
import org.organizingworkbench.access.LearnerScope;
import org.organizingworkbench.access.Viewer;
import org.organizingworkbench.testing.CourseWorld;
import org.organizingworkbench.testing.TestDatabase;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.organizingworkbench.course.CourseRole.LEARNER;
import static org.organizingworkbench.course.CourseRole.TEACHING_ASSISTANT;

/** The dashboard's campaign numbers: one query for every student the viewer sees, and only those, only those fields. */
class CampaignNumbersOnMariaDbTest {

    private static final TestDatabase DB = TestDatabase.shared();

    @Test
    void aFellowReadsTheNumbersOfTheirSectionsStudentsOnlyAndOnlyTheFieldsAsked() {
        CourseWorld world = new CourseWorld(DB).course("c").member("c", "ana", LEARNER).member("c", "dee", LEARNER)
                .member("c", "fay", TEACHING_ASSISTANT).section("c", "A", "fay", "ana").section("c", "B", "dee");
        long course = world.courseId("c");
        answer(course, world.member("ana"), "action-plan", "targets", "[{\"measure\":\"Turnout\",\"target\":60}]");
        answer(course, world.member("ana"), "action-plan", "why", "\"Because\"");
        answer(course, world.member("dee"), "action-plan", "targets", "[{\"measure\":\"Calls\",\"target\":10}]");
        Viewer fay = new Viewer(world.person("fay"), course, world.member("fay"), TEACHING_ASSISTANT,
                Set.of(world.section("A")), FellowScope.SECTIONS);
        List<CampaignAnswer> read = DB.inTransaction(em -> {
            CampaignNumbers numbers = new CampaignNumbers();
            numbers.em = em;
            return numbers.of(course, LearnerScope.of(fay).on("m"), Map.of("action-plan", Set.of("targets"),
                    "house-meetings", Set.of("count")));
        });
        assertEquals(List.of(new CampaignAnswer(world.member("ana"), "action-plan", "targets",
                "[{\"measure\":\"Turnout\",\"target\":60}]")), read);
    }

    private static void answer(long course, long author, String exercise, String field, String value) {
        DB.insert("INSERT INTO workbook_answer (course_id, author_id, exercise_id, field_id, revision, value, saved_at)"
                + " VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6)", course, author, exercise, field, value,
                LocalDateTime.now(ZoneOffset.UTC));
    }
}
