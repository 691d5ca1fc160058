package org.organizingworkbench.grading;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.organizingworkbench.testing.CourseWorld;
import org.organizingworkbench.testing.TestDatabase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.organizingworkbench.course.CourseRole.INSTRUCTOR;
import static org.organizingworkbench.course.CourseRole.LEARNER;
import static org.organizingworkbench.course.CourseRole.TEACHING_ASSISTANT;

/**
 * Grades and their outbox against a real MariaDB (the middle tier): what a learner's submission queues per platform,
 * and that no score is ever queued or posted for someone who is not, in the database now, a learner.
 */
class GradesOnMariaDbTest {

    private static final TestDatabase DB = TestDatabase.shared();
    private static final String LINE_ITEM = "https://lms.test/lineitems/7";

    private CourseWorld world;
    private long link;

    @BeforeEach
    void course() {
        world = new CourseWorld(DB).course("c").member("c", "ana", LEARNER).member("c", "fay", TEACHING_ASSISTANT)
                .member("c", "ivan", INSTRUCTOR);
        link = DB.insert("INSERT INTO resource_link (course_id, link_id, title, lineitem_url, exercise_id, updated_at)"
                + " VALUES (?1, ?2, 'Module 3 · My public narrative', ?3, 'public-narrative', ?4)", world.courseId("c"),
                "link-" + UUID.randomUUID(), LINE_ITEM, LocalDateTime.now(ZoneOffset.UTC));
    }

    @Test
    void aFirstSubmissionQueuesSubmittedPendingManualWithoutAScoreOnTheLineItemsScale() {
        SubmissionScore told = grades(g -> g.applySubmission(world.courseId("c"), link, LINE_ITEM, world.person("ana"),
                Instant.now(), GradebookFlavour.MOODLE, 25.0));
        assertInstanceOf(SubmissionScore.AwaitingGrade.class, told);
        Object[] row = latestDelivery();
        assertNull(row[0], "no score is invented");
        assertEquals(25.0, ((Number) row[1]).doubleValue(), "the line item's maximum, not 100");
        assertEquals("Submitted PendingManual", row[2] + " " + row[3]);
    }

    @Test
    void aResubmissionAfterAGradeQueuesNothingForMoodleAndTheGraderSeesNewerWork() {
        grades(g -> g.record(world.courseId("c"), link, world.person("ana"), 22, 25, "good", world.member("ivan")));
        long before = deliveries();
        SubmissionScore told = grades(g -> g.applySubmission(world.courseId("c"), link, LINE_ITEM, world.person("ana"),
                Instant.now().plusSeconds(5), GradebookFlavour.MOODLE, 25.0));
        assertInstanceOf(SubmissionScore.Nothing.class, told);
        assertEquals(before, deliveries(), "Moodle is told nothing");
        Grade grade = grades(g -> g.ofLink(world.courseId("c"), link)).get(world.person("ana"));
        assertEquals(22.0, grade.scoreGiven(), "the grade stays");
        assertTrue(grade.newerWorkWaits());
    }

    @Test
    void aResubmissionAfterAGradeQueuesTheSameScorePendingForCanvas() {
        grades(g -> g.record(world.courseId("c"), link, world.person("ana"), 22, 25, "good", world.member("ivan")));
        grades(g -> g.applySubmission(world.courseId("c"), link, LINE_ITEM, world.person("ana"),
                Instant.now().plusSeconds(5), GradebookFlavour.CANVAS, 25.0));
        Object[] row = latestDelivery();
        assertEquals(22.0, ((Number) row[0]).doubleValue(), "Canvas keeps a PendingManual score, and clears one without it");
        assertEquals("Submitted PendingManual", row[2] + " " + row[3]);
    }

    @Test
    void staffAreNeverScored() {
        int reports = grades(g -> g.recordSubmission(world.courseId("c"), "public-narrative", world.person("fay"),
                Instant.now()));
        assertEquals(0, reports, "a Fellow's own submission reports nothing");
        assertInstanceOf(SubmissionScore.Nothing.class, grades(g -> g.applySubmission(world.courseId("c"), link,
                LINE_ITEM, world.person("fay"), Instant.now(), GradebookFlavour.CANVAS, 25.0)));
        assertThrowsInvalid(() -> grades(g -> g.record(world.courseId("c"), link, world.person("fay"), 20, 25, null, null)));
    }

    @Test
    void aScoreQueuedForALearnerWhoBecameStaffIsRefusedBeforeThePostAndCannotBeResent() {
        long gradeId = grades(g -> g.record(world.courseId("c"), link, world.person("ana"), 20, 25, null, world.member("ivan")));
        DB.insert("UPDATE membership SET role = 'TEACHING_ASSISTANT' WHERE id = ?1", world.member("ana"));
        GradeDeliveries outbox = new GradeDeliveries();
        outbox.clock = Clock.systemUTC();
        String node = "test-" + UUID.randomUUID();
        List<DeliveryOrder.Claimed> claimed = DB.inTransaction(em -> {
            outbox.em = em;
            return outbox.claim(node, 1000, Duration.ofSeconds(60));
        });
        long ours = claimed.stream().filter(c -> c.key().lineItemUrl().equals(LINE_ITEM)
                && c.key().userId().startsWith("ana-")).mapToLong(DeliveryOrder.Claimed::id).max().orElseThrow();
        assertTrue(DB.inTransaction(em -> {
            outbox.em = em;
            return outbox.stamp(ours, node, Duration.ofSeconds(60));
        }).isEmpty(), "nothing to POST");
        Object[] row = latestDelivery();
        assertEquals("FAILED " + GradeDeliveries.REFUSED_BY_TOOL + "staff", row[4] + " " + row[5]);
        boolean resent = grades(g -> g.resend(world.courseId("c"), gradeId));
        assertFalse(resent, "and no resend for staff");
        DB.run(em -> em.createNativeQuery("UPDATE grade_delivery SET claimed_by = NULL, claimed_until = NULL"
                + " WHERE claimed_by = ?1").setParameter(1, node).executeUpdate());
    }

    private <T> T grades(Function<Grades, T> call) {
        return DB.inTransaction(em -> {
            Grades grades = new Grades();
            grades.em = em;
            return call.apply(grades);
        });
    }

    private long deliveries() {
        return DB.inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM grade_delivery d"
                + " JOIN grade g ON g.id = d.grade_id WHERE g.resource_link_id = ?1").setParameter(1, link)
                .getSingleResult()).longValue());
    }

    /** score_given, score_maximum, activity_progress, grading_progress, status, last_error of the link's newest row. */
    private Object[] latestDelivery() {
        return DB.inTransaction((EntityManager em) -> (Object[]) em.createNativeQuery("SELECT d.score_given,"
                        + " d.score_maximum, d.activity_progress, d.grading_progress, d.status, d.last_error"
                        + " FROM grade_delivery d JOIN grade g ON g.id = d.grade_id WHERE g.resource_link_id = ?1"
                        + " ORDER BY d.id DESC LIMIT 1").setParameter(1, link).getSingleResult());
    }

    private static void assertThrowsInvalid(Runnable call) {
        try {
            call.run();
        } catch (InvalidGradeException e) {
            return;
        }
        throw new AssertionError("a grade for staff was recorded");
    }
}
