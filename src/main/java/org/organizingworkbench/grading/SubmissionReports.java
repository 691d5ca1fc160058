package org.organizingworkbench.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.organizingworkbench.course.CourseRoster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Learners' submissions waiting to be reported to their exercise's placed activities ({@code submission_report}).
 * Claimed by one node at a time like the grade outbox; the line items are looked up between the claim and the
 * report, outside any transaction, and the report then queues each line item's score in one transaction.
 */
@ApplicationScoped
@Transactional
public class SubmissionReports {

    /** A claimed report. */
    public record Claimed(long id, long courseId, String exerciseId, long personId, Instant submittedAt, int attempts) {
    }

    /** How often an LMS that cannot answer is asked again before the report goes to the known links only. */
    static final int MAX_ATTEMPTS = 6;

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    Grades grades;

    /** The time of every claim; a test sets it instead of sleeping. */
    @Inject
    Clock clock;

    @Inject
    CourseRoster roster;

    public List<Claimed> claim(String node, int limit, Duration lease) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<?> rows = em.createNativeQuery("SELECT id, course_id, exercise_id, person_id, submitted_at, attempts"
                        + " FROM submission_report WHERE status = 'PENDING' AND next_attempt_at <= ?1"
                        + " AND (claimed_until IS NULL OR claimed_until < ?1) ORDER BY id LIMIT " + limit
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            claimed.add(new Claimed(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    ((Number) r[3]).longValue(), Grades.time(r[4]).toInstant(ZoneOffset.UTC), ((Number) r[5]).intValue()));
        }
        if (!claimed.isEmpty()) {
            em.createNativeQuery("UPDATE submission_report SET claimed_by = ?1, claimed_until = ?2 WHERE id IN ("
                            + claimed.stream().map(c -> Long.toString(c.id())).collect(Collectors.joining(",")) + ")")
                    .setParameter(1, node).setParameter(2, now.plus(lease)).executeUpdate();
        }
        return claimed;
    }

    /**
     * Tells each placement of the exercise of the submission and closes the report, in one transaction.
     *
     * @param problem why the LMS was not read (only known links were told), null when it was
     * @return false when the report is no longer this node's (its claim expired and another node took it)
     */
    public boolean report(Claimed report, String node, List<PlacedActivity> placements, GradebookFlavour flavour,
                          String problem) {
        if (em.createNativeQuery("SELECT id FROM submission_report WHERE id = ?1 AND claimed_by = ?2 AND status = 'PENDING'"
                + " FOR UPDATE").setParameter(1, report.id()).setParameter(2, node).getResultList().isEmpty()) {
            return false;
        }
        for (PlacedActivity placed : placements) {
            long linkId = roster.placedLink(report.courseId(), placed.linkId(), placed.title(), placed.lineItemUrl(),
                    report.exerciseId());
            grades.applySubmission(report.courseId(), linkId, placed.lineItemUrl(), report.personId(),
                    report.submittedAt(), flavour, placed.scoreMaximum());
        }
        em.createNativeQuery("UPDATE submission_report SET status = 'DONE', attempts = attempts + 1, claimed_by = NULL,"
                        + " claimed_until = NULL, last_error = ?1 WHERE id = ?2")
                .setParameter(1, clip(problem)).setParameter(2, report.id()).executeUpdate();
        return true;
    }

    /** The LMS could not answer: try again later. */
    public void retry(Claimed report, String node, Instant next, String reason) {
        em.createNativeQuery("UPDATE submission_report SET attempts = attempts + 1, next_attempt_at = ?1, last_error = ?2,"
                        + " claimed_by = NULL, claimed_until = NULL WHERE id = ?3 AND claimed_by = ?4")
                .setParameter(1, LocalDateTime.ofInstant(next, ZoneOffset.UTC)).setParameter(2, clip(reason))
                .setParameter(3, report.id()).setParameter(4, node).executeUpdate();
    }

    private static String clip(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
