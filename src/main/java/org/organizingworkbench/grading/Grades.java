package org.organizingworkbench.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grades staff give on a resource link. Recording a grade and queueing it for the LMS are one transaction: the
 * outbox row ({@code grade_delivery}) exists exactly when the grade does, so a crash cannot lose the delivery and a
 * rollback cannot send a grade that was never kept. {@link GradeDeliveryWorker} sends the rows.
 */
@ApplicationScoped
@Transactional
public class Grades {

    public static final double DEFAULT_MAXIMUM = 100;

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    /**
     * Upserts the grade of the person on the resource link and, when the link has a line item, queues it.
     *
     * @return the grade's id
     * @throws InvalidGradeException when the link is not of the course, the person is not an active learner of
     *                               it, or the score is not within 0..maximum
     */
    public long record(long courseId, long resourceLinkId, long personId, double scoreGiven, double scoreMaximum,
                       String comment, Long gradedByMembershipId) {
        return record(courseId, resourceLinkId, personId, scoreGiven, scoreMaximum, comment, gradedByMembershipId, null);
    }

    /**
     * As {@link #record(long, long, long, double, double, String, Long)}, for work the learner submitted at a known
     * time: Canvas gets it as submitted_at, so its late flags follow the submission.
     *
     * @param submittedAt null when unknown
     */
    public long record(long courseId, long resourceLinkId, long personId, double scoreGiven, double scoreMaximum,
                       String comment, Long gradedByMembershipId, Instant submittedAt) {
        if (!(scoreMaximum > 0) || !(scoreGiven >= 0) || scoreGiven > scoreMaximum) {
            throw new InvalidGradeException("a score is a number from 0 to " + scoreMaximum);
        }
        Optional<String> lineItem = lineItemUrl(courseId, resourceLinkId);
        String subject = learnerSubject(courseId, personId)
                .orElseThrow(() -> new InvalidGradeException("not an active learner of the course"));
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        LocalDateTime now = now();
        em.createNativeQuery("INSERT INTO grade (course_id, resource_link_id, person_id, score_given, score_maximum,"
                        + " comment, activity_progress, grading_progress, graded_by_membership_id, updated_at, submitted_at,"
                        + " graded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'Completed', 'FullyGraded', ?7, ?8, ?9, ?8)"
                        + " ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), score_given = VALUES(score_given),"
                        + " score_maximum = VALUES(score_maximum), comment = VALUES(comment),"
                        + " activity_progress = 'Completed', grading_progress = 'FullyGraded',"
                        + " submitted_at = COALESCE(VALUES(submitted_at), submitted_at), graded_at = VALUES(graded_at),"
                        + " graded_by_membership_id = VALUES(graded_by_membership_id), updated_at = VALUES(updated_at)")
                .setParameter(1, courseId).setParameter(2, resourceLinkId).setParameter(3, personId)
                .setParameter(4, scoreGiven).setParameter(5, scoreMaximum).setParameter(6, text)
                .setParameter(7, gradedByMembershipId).setParameter(8, now)
                .setParameter(9, submittedAt == null ? null : LocalDateTime.ofInstant(submittedAt, ZoneOffset.UTC))
                .executeUpdate();
        long gradeId = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        lineItem.ifPresent(url -> queue(gradeId, url, subject));
        return gradeId;
    }

    /**
     * A learner submitted an exercise: the submission is kept to be reported to every line item the exercise was
     * placed with as a graded activity, whichever page it was submitted from. The line items are looked up at the
     * LMS outside this transaction ({@link SubmissionReports}); each is then told what {@link SubmissionScore}
     * allows. Staff submitting their own copy report nothing. This is the one hook from a submission to grading.
     *
     * @return how many reports were queued (0 or 1)
     */
    public int recordSubmission(long courseId, String exerciseId, long personId, Instant submittedAt) {
        if (learnerSubject(courseId, personId).isEmpty()) {
            return 0;
        }
        LocalDateTime now = now();
        return em.createNativeQuery("INSERT INTO submission_report (course_id, exercise_id, person_id, submitted_at,"
                        + " created_at, status, attempts, next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, 'PENDING', 0, ?5)")
                .setParameter(1, courseId).setParameter(2, exerciseId).setParameter(3, personId)
                .setParameter(4, LocalDateTime.ofInstant(submittedAt, ZoneOffset.UTC)).setParameter(5, now)
                .executeUpdate();
    }

    /**
     * Tells one placed activity's line item of a learner's submission, as {@link SubmissionScore} decides for the
     * course's gradebook: nothing once the learner has a grade (the tool then shows newer work waiting), Submitted
     * and PendingManual without a score before any grade, or (Canvas) with the grade's score kept.
     *
     * @param lineItemMaximum the line item's scoreMaximum as the LMS listed it, null when unknown
     * @return what the line item is told
     */
    SubmissionScore applySubmission(long courseId, long resourceLinkId, String lineItemUrl, long personId,
                                    Instant submittedAt, GradebookFlavour flavour, Double lineItemMaximum) {
        Optional<String> subject = learnerSubject(courseId, personId);
        if (subject.isEmpty()) {
            return new SubmissionScore.Nothing(false, "not an active learner of the course");
        }
        List<?> rows = em.createNativeQuery("SELECT id, score_given, graded_at FROM grade WHERE resource_link_id = ?1"
                        + " AND person_id = ?2 FOR UPDATE")
                .setParameter(1, resourceLinkId).setParameter(2, personId).getResultList();
        Object[] existing = rows.isEmpty() ? null : (Object[]) rows.get(0);
        Double score = existing == null || existing[1] == null ? null : ((Number) existing[1]).doubleValue();
        LocalDateTime gradedAt = existing == null ? null : time(existing[2]);
        SubmissionScore decision = SubmissionScore.after(flavour, score,
                gradedAt == null ? null : gradedAt.toInstant(ZoneOffset.UTC), submittedAt);
        LocalDateTime at = LocalDateTime.ofInstant(submittedAt, ZoneOffset.UTC);
        if (decision instanceof SubmissionScore.Nothing nothing) {
            // Only when the work is newer than the grade: a grader sees it waiting; the LMS keeps the grade.
            if (existing != null && nothing.newerWorkWaits()) {
                em.createNativeQuery("UPDATE grade SET submitted_at = GREATEST(COALESCE(submitted_at, ?1), ?1)"
                                + " WHERE id = ?2")
                        .setParameter(1, at).setParameter(2, ((Number) existing[0]).longValue()).executeUpdate();
            }
        } else if (decision instanceof SubmissionScore.AwaitingGrade) {
            em.createNativeQuery("INSERT INTO grade (course_id, resource_link_id, person_id, score_given, score_maximum,"
                            + " activity_progress, grading_progress, updated_at, submitted_at)"
                            + " VALUES (?1, ?2, ?3, NULL, ?4, 'Submitted', 'PendingManual', ?5, ?6)"
                            + " ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), activity_progress = 'Submitted',"
                            + " grading_progress = 'PendingManual', score_maximum = VALUES(score_maximum),"
                            + " submitted_at = VALUES(submitted_at), updated_at = VALUES(updated_at)")
                    .setParameter(1, courseId).setParameter(2, resourceLinkId).setParameter(3, personId)
                    .setParameter(4, lineItemMaximum != null && lineItemMaximum > 0 ? lineItemMaximum : DEFAULT_MAXIMUM)
                    .setParameter(5, now()).setParameter(6, at).executeUpdate();
            queue(lastInsertId(), lineItemUrl, subject.get());
        } else {
            long gradeId = ((Number) existing[0]).longValue();
            em.createNativeQuery("UPDATE grade SET activity_progress = 'Submitted', grading_progress = 'PendingManual',"
                            + " submitted_at = ?1, updated_at = ?2 WHERE id = ?3")
                    .setParameter(1, at).setParameter(2, now()).setParameter(3, gradeId).executeUpdate();
            queue(gradeId, lineItemUrl, subject.get());
        }
        return decision;
    }

    /**
     * Queues the grade again after the platform refused it for good (e.g. once the learner is a student in the LMS).
     *
     * @return false when the grade is not of this course or its latest delivery did not fail
     */
    public boolean resend(long courseId, long gradeId) {
        List<?> rows = em.createNativeQuery("SELECT rl.lineitem_url, p.subject, d.status FROM grade g"
                        + " JOIN resource_link rl ON rl.id = g.resource_link_id JOIN person p ON p.id = g.person_id"
                        + " JOIN grade_delivery d ON d.id = (SELECT MAX(d2.id) FROM grade_delivery d2 WHERE d2.grade_id = g.id)"
                        + " WHERE g.id = ?1 AND g.course_id = ?2")
                .setParameter(1, gradeId).setParameter(2, courseId).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] row = (Object[]) rows.get(0);
        if (row[0] == null || !DeliveryStatus.FAILED.name().equals(row[2]) || !isLearner(courseId, gradeId)) {
            return false;
        }
        queue(gradeId, (String) row[0], (String) row[1]);
        return true;
    }

    /** Whether the grade's person is, per the database now, an active learner of the course: only they get scores. */
    private boolean isLearner(long courseId, long gradeId) {
        return !em.createNativeQuery("SELECT g.id FROM grade g JOIN membership m ON m.course_id = g.course_id"
                        + " AND m.person_id = g.person_id WHERE g.id = ?1 AND g.course_id = ?2 AND m.active = TRUE"
                        + " AND m.role = 'LEARNER'")
                .setParameter(1, gradeId).setParameter(2, courseId).getResultList().isEmpty();
    }

    /** Whether a grade with this id belongs to the course (any other id is "not found" to this course's staff). */
    public boolean isOfCourse(long courseId, long gradeId) {
        return !em.createNativeQuery("SELECT id FROM grade WHERE id = ?1 AND course_id = ?2")
                .setParameter(1, gradeId).setParameter(2, courseId).getResultList().isEmpty();
    }

    /** The link's line item, where its grades go; empty when the launch carried none. */
    public Optional<String> lineItemUrl(long courseId, long resourceLinkId) {
        List<?> rows = em.createNativeQuery("SELECT lineitem_url FROM resource_link WHERE id = ?1 AND course_id = ?2")
                .setParameter(1, resourceLinkId).setParameter(2, courseId).getResultList();
        if (rows.isEmpty()) {
            throw new InvalidGradeException("the resource link is not of the course");
        }
        return Optional.ofNullable((String) rows.get(0));
    }

    /** The grades on the link by person id, each with its latest delivery. */
    public Map<Long, Grade> ofLink(long courseId, long resourceLinkId) {
        List<?> rows = em.createNativeQuery("SELECT g.id, g.person_id, g.score_given, g.score_maximum, g.comment,"
                        + " g.updated_at, d.status, d.next_attempt_at, d.attempts, d.last_error, d.sent_at,"
                        + " g.submitted_at, g.graded_at FROM grade g"
                        + " LEFT JOIN grade_delivery d ON d.id = (SELECT MAX(d2.id) FROM grade_delivery d2 WHERE d2.grade_id = g.id)"
                        + " WHERE g.course_id = ?1 AND g.resource_link_id = ?2")
                .setParameter(1, courseId).setParameter(2, resourceLinkId).getResultList();
        Map<Long, Grade> grades = new HashMap<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            Grade.Delivery delivery = r[6] == null ? null : new Grade.Delivery(DeliveryStatus.valueOf((String) r[6]),
                    time(r[7]), ((Number) r[8]).intValue(), (String) r[9], time(r[10]));
            long personId = ((Number) r[1]).longValue();
            grades.put(personId, new Grade(((Number) r[0]).longValue(), personId, r[2] == null ? null : ((Number) r[2]).doubleValue(),
                    ((Number) r[3]).doubleValue(), (String) r[4], time(r[5]), delivery, time(r[11]), time(r[12])));
        }
        return grades;
    }

    private void queue(long gradeId, String lineItemUrl, String userId) {
        LocalDateTime now = now();
        em.createNativeQuery("INSERT INTO grade_delivery (grade_id, line_item_url, user_id, score_given, score_maximum,"
                        + " comment, activity_progress, grading_progress, created_at, status, attempts, next_attempt_at,"
                        + " submitted_at) SELECT id, ?1, ?2, score_given, score_maximum, comment, activity_progress,"
                        + " grading_progress, ?3, 'PENDING', 0, ?3, submitted_at FROM grade WHERE id = ?4")
                .setParameter(1, lineItemUrl).setParameter(2, userId).setParameter(3, now).setParameter(4, gradeId)
                .executeUpdate();
    }

    private long lastInsertId() {
        return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    }

    private Optional<String> learnerSubject(long courseId, long personId) {
        List<?> rows = em.createNativeQuery("SELECT p.subject FROM membership m JOIN person p ON p.id = m.person_id"
                        + " WHERE m.course_id = ?1 AND m.person_id = ?2 AND m.active = TRUE AND m.role = 'LEARNER'")
                .setParameter(1, courseId).setParameter(2, personId).getResultList();
        return rows.stream().findFirst().map(String.class::cast);
    }

    static LocalDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        return (LocalDateTime) value;
    }

    static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
