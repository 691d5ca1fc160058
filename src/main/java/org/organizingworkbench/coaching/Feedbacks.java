package org.organizingworkbench.coaching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.enterprise.event.Event;
import org.organizingworkbench.privacy.PersonName;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Feedback staff give on a student's exercise, and its way to the student and the LMS. Saving keeps a draft only
 * staff see; releasing shows it to the student and, when it has a score, announces {@link FeedbackReleased}, which
 * grading turns into the grade of every placed activity of the exercise (the outbox sends it as FullyGraded). A
 * student's later submission goes through grading's own rule, which never removes a grade; the queue then shows the
 * work as resubmitted.
 * Callers have asked the access policy; every method keeps to the course it is given.
 */
@ApplicationScoped
@Transactional
public class Feedbacks {

    public static final int MAX_TEXT = 10_000;

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    Event<FeedbackReleased> released;

    @Inject
    Clock clock;

    public Optional<Feedback> of(long courseId, long learnerId, String exerciseId) {
        List<?> rows = em.createNativeQuery("SELECT f.id, f.author_id, " + named("p") + ", f.score_given, f.score_maximum,"
                        + " f.body, f.rubric, f.submission_number, f.graded_at, f.released_at, f.seen_at FROM feedback f"
                        + " LEFT JOIN membership a ON a.id = f.author_id LEFT JOIN person p ON p.id = a.person_id"
                        + " WHERE f.course_id = ?1 AND f.learner_id = ?2 AND f.exercise_id = ?3")
                .setParameter(1, courseId).setParameter(2, learnerId).setParameter(3, exerciseId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        long id = number(r[0]);
        return Optional.of(new Feedback(id, learnerId, exerciseId, nullableNumber(r[1]), (String) r[2], decimal(r[3]),
                decimal(r[4]), (String) r[5], rubric((String) r[6]), r[7] == null ? null : (int) number(r[7]),
                instant(r[8]), instant(r[9]), instant(r[10]), replies(id)));
    }

    /**
     * Keeps staff's feedback as a draft (a feedback already released is hidden again until released again).
     *
     * @param scoreGiven null for written feedback without a score
     */
    public long save(long courseId, long learnerId, String exerciseId, long authorId, Double scoreGiven,
                     double scoreMaximum, String body, Map<String, String> rubric, Integer submissionNumber) {
        if (scoreGiven != null && (!(scoreMaximum > 0) || !(scoreGiven >= 0) || scoreGiven > scoreMaximum)) {
            throw new InvalidFeedbackException("score");
        }
        String text = text(body);
        if (scoreGiven == null && text == null && rubric.isEmpty()) {
            throw new InvalidFeedbackException("empty");
        }
        em.createNativeQuery("INSERT INTO feedback (course_id, learner_id, exercise_id, author_id, score_given,"
                        + " score_maximum, body, rubric, submission_number, graded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                        + " ?9, ?10) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), author_id = VALUES(author_id),"
                        + " score_given = VALUES(score_given), score_maximum = VALUES(score_maximum), body = VALUES(body),"
                        + " rubric = VALUES(rubric), submission_number = VALUES(submission_number),"
                        + " graded_at = VALUES(graded_at), released_at = NULL")
                .setParameter(1, courseId).setParameter(2, learnerId).setParameter(3, exerciseId)
                .setParameter(4, authorId).setParameter(5, scoreGiven).setParameter(6, scoreMaximum)
                .setParameter(7, text).setParameter(8, rubric.isEmpty() ? null : rubricText(rubric))
                .setParameter(9, submissionNumber).setParameter(10, now()).executeUpdate();
        return number(em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult());
    }

    /**
     * Shows the feedback to the student; with a score, announces it ({@link FeedbackReleased}) so that grading
     * records it on each placed activity of the exercise and queues it for the LMS, in this transaction.
     *
     * @return how many placed activities (line items) the score goes to; 0 without a score or placement
     */
    public int release(long courseId, long learnerId, String exerciseId) {
        Feedback feedback = of(courseId, learnerId, exerciseId).orElseThrow(() -> new InvalidFeedbackException("none"));
        em.createNativeQuery("UPDATE feedback SET released_at = ?1 WHERE id = ?2")
                .setParameter(1, now()).setParameter(2, feedback.id()).executeUpdate();
        if (feedback.scoreGiven() == null) {
            return 0;
        }
        List<?> person = em.createNativeQuery("SELECT person_id FROM membership WHERE id = ?1 AND course_id = ?2")
                .setParameter(1, learnerId).setParameter(2, courseId).getResultList();
        announce(new FeedbackReleased(courseId, learnerId, number(person.get(0)), exerciseId, feedback.scoreGiven(),
                feedback.scoreMaximum(), feedback.body(), feedback.authorId(), latestSubmission(learnerId, exerciseId)));
        return lineItems(courseId, exerciseId).size();
    }

    /** Fires the event; a test of the middle tier hands it to the observer itself. */
    void announce(FeedbackReleased event) {
        released.fire(event);
    }

    /** The line items of the exercise's placed activities in the course: where a released score goes. */
    public List<String> lineItems(long courseId, String exerciseId) {
        return em.createNativeQuery("SELECT lineitem_url FROM resource_link WHERE course_id = ?1 AND exercise_id = ?2"
                        + " AND lineitem_url IS NOT NULL ORDER BY id")
                .setParameter(1, courseId).setParameter(2, exerciseId).getResultList().stream().map(String.class::cast)
                .toList();
    }

    /** An answer in the conversation under released feedback (the student's, or staff's back). */
    public long reply(long courseId, long learnerId, String exerciseId, long authorId, String body) {
        Feedback feedback = of(courseId, learnerId, exerciseId).filter(Feedback::released)
                .orElseThrow(() -> new InvalidFeedbackException("none"));
        String text = text(body);
        if (text == null) {
            throw new InvalidFeedbackException("empty");
        }
        em.createNativeQuery("INSERT INTO feedback_reply (feedback_id, author_id, body, created_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, feedback.id()).setParameter(2, authorId).setParameter(3, text).setParameter(4, now())
                .executeUpdate();
        return number(em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult());
    }

    /** The student opened their exercise: its released feedback is no longer new. */
    public void seen(long learnerId, String exerciseId) {
        em.createNativeQuery("UPDATE feedback SET seen_at = ?1 WHERE learner_id = ?2 AND exercise_id = ?3"
                        + " AND released_at IS NOT NULL")
                .setParameter(1, now()).setParameter(2, learnerId).setParameter(3, exerciseId).executeUpdate();
    }

    /** Released feedback the student has not opened yet, newest first. */
    public List<NewFeedback> unseen(long learnerId) {
        List<NewFeedback> found = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT f.exercise_id, " + named("p") + ", f.released_at FROM feedback f"
                        + " LEFT JOIN membership a ON a.id = f.author_id LEFT JOIN person p ON p.id = a.person_id"
                        + " WHERE f.learner_id = ?1 AND f.released_at IS NOT NULL"
                        + " AND (f.seen_at IS NULL OR f.seen_at < f.released_at) ORDER BY f.released_at DESC")
                .setParameter(1, learnerId).getResultList()) {
            Object[] r = (Object[]) row;
            found.add(new NewFeedback((String) r[0], (String) r[1], instant(r[2])));
        }
        return found;
    }

    /**
     * What waits for a grade among the students of {@code learnerScope} (the access policy's predicate over
     * membership {@code m}): each exercise's latest submission that has no feedback, unreleased feedback, or
     * feedback older than the submission. One query, oldest first.
     */
    public List<WaitingWork> queue(long courseId, String learnerScope) {
        List<WaitingWork> waiting = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT s.author_id, " + named("p") + ", s.exercise_id, s.number,"
                        + " s.submitted_at, s.late, f.id, f.graded_at, f.released_at FROM workbook_submission s"
                        + " JOIN membership m ON m.id = s.author_id JOIN person p ON p.id = m.person_id"
                        + " JOIN (SELECT author_id, exercise_id, MAX(number) AS latest FROM workbook_submission"
                        + " WHERE course_id = ?1 GROUP BY author_id, exercise_id) l ON l.author_id = s.author_id"
                        + " AND l.exercise_id = s.exercise_id AND l.latest = s.number"
                        + " LEFT JOIN feedback f ON f.learner_id = s.author_id AND f.exercise_id = s.exercise_id"
                        + " WHERE s.course_id = ?1 AND m.active = TRUE AND " + learnerScope
                        + " AND (f.id IS NULL OR f.released_at IS NULL OR f.graded_at < s.submitted_at)"
                        + " ORDER BY s.submitted_at, s.id")
                .setParameter(1, courseId).getResultList()) {
            Object[] r = (Object[]) row;
            Instant submitted = instant(r[4]);
            Instant graded = instant(r[7]);
            waiting.add(new WaitingWork(number(r[0]), (String) r[1], (String) r[2], (int) number(r[3]), submitted,
                    bool(r[5]), r[6] != null && r[8] == null, graded != null && graded.isBefore(submitted)));
        }
        return waiting;
    }

    /** Every score given in the course, by grader: the instructor compares the sections' distributions. */
    public List<GradePoint> distribution(long courseId) {
        List<GradePoint> points = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT f.author_id, " + named("p") + ", f.exercise_id,"
                        + " f.score_given / f.score_maximum FROM feedback f LEFT JOIN membership a ON a.id = f.author_id"
                        + " LEFT JOIN person p ON p.id = a.person_id WHERE f.course_id = ?1 AND f.score_given IS NOT NULL"
                        + " AND f.score_maximum > 0 ORDER BY f.author_id, f.exercise_id")
                .setParameter(1, courseId).getResultList()) {
            Object[] r = (Object[]) row;
            points.add(new GradePoint(nullableNumber(r[0]), (String) r[1], (String) r[2], ((Number) r[3]).doubleValue()));
        }
        return points;
    }

    private List<Feedback.Reply> replies(long feedbackId) {
        List<Feedback.Reply> replies = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT r.id, r.author_id, " + named("p") + ", r.body, r.created_at"
                        + " FROM feedback_reply r LEFT JOIN membership a ON a.id = r.author_id"
                        + " LEFT JOIN person p ON p.id = a.person_id WHERE r.feedback_id = ?1 ORDER BY r.id")
                .setParameter(1, feedbackId).getResultList()) {
            Object[] r = (Object[]) row;
            replies.add(new Feedback.Reply(number(r[0]), nullableNumber(r[1]), (String) r[2], (String) r[3], instant(r[4])));
        }
        return replies;
    }

    private Instant latestSubmission(long learnerId, String exerciseId) {
        return instant(em.createNativeQuery("SELECT MAX(submitted_at) FROM workbook_submission WHERE author_id = ?1"
                + " AND exercise_id = ?2").setParameter(1, learnerId).setParameter(2, exerciseId).getSingleResult());
    }

    /** A person's shown name over a person alias; a deleted author has none (the page says "a former participant"). */
    static String named(String alias) {
        return "CASE WHEN " + alias + ".id IS NULL THEN NULL ELSE " + PersonName.SQL.replace("p.", alias + ".") + " END";
    }

    static String text(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String text = body.strip();
        if (text.length() > MAX_TEXT) {
            throw new InvalidFeedbackException("tooLong");
        }
        return text;
    }

    static String rubricText(Map<String, String> rubric) {
        return rubric.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    static Map<String, String> rubric(String text) {
        Map<String, String> levels = new TreeMap<>();
        if (text != null) {
            Arrays.stream(text.split("\n")).map(line -> line.split("=", 2)).filter(p -> p.length == 2)
                    .forEach(p -> levels.put(p[0], p[1]));
        }
        return levels;
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    static Long nullableNumber(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    static boolean bool(Object value) {
        return value instanceof Boolean b ? b : value != null && ((Number) value).intValue() != 0;
    }
}
