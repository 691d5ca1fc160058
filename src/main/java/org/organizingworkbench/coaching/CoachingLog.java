package org.organizingworkbench.coaching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.organizingworkbench.coaching.Feedbacks.bool;
import static org.organizingworkbench.coaching.Feedbacks.instant;
import static org.organizingworkbench.coaching.Feedbacks.named;
import static org.organizingworkbench.coaching.Feedbacks.nullableNumber;
import static org.organizingworkbench.coaching.Feedbacks.number;

/**
 * The coaching log of each student. Staff write notes; a note kept private never leaves staff (the student's reads
 * ask for {@code sharedOnly}); the student confirms the commitments of notes shared with them. Callers have asked the
 * access policy; every method keeps to the course it is given.
 */
@ApplicationScoped
@Transactional
public class CoachingLog {

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    Clock clock;

    /** What a coach writes after a conversation. */
    public record Draft(String observation, Diagnosis diagnosis, String intervention, String commitment,
                        LocalDate followUpOn, boolean shared) {
    }

    public long add(long courseId, long learnerId, long authorId, Draft draft) {
        String observation = Feedbacks.text(draft.observation());
        if (observation == null || draft.diagnosis() == null) {
            throw new InvalidFeedbackException("noteIncomplete");
        }
        em.createNativeQuery("INSERT INTO coaching_note (course_id, learner_id, author_id, observation, diagnosis,"
                        + " intervention, commitment, follow_up_on, shared, created_at) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                        + " ?8, ?9, ?10 FROM membership WHERE id = ?2 AND course_id = ?1")
                .setParameter(1, courseId).setParameter(2, learnerId).setParameter(3, authorId)
                .setParameter(4, observation).setParameter(5, draft.diagnosis().name())
                .setParameter(6, Feedbacks.text(draft.intervention())).setParameter(7, Feedbacks.text(draft.commitment()))
                .setParameter(8, draft.followUpOn() == null ? null : Date.valueOf(draft.followUpOn()))
                .setParameter(9, draft.shared()).setParameter(10, now()).executeUpdate();
        return number(em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult());
    }

    /**
     * The student's notes, newest first.
     *
     * @param sharedOnly true for the student's own reading: private notes are not even read
     */
    public List<CoachingNote> of(long courseId, long learnerId, boolean sharedOnly) {
        List<CoachingNote> notes = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT n.id, n.author_id, " + named("p") + ", n.observation, n.diagnosis,"
                        + " n.intervention, n.commitment, n.follow_up_on, n.followed_up_at, n.shared, n.confirmed_at,"
                        + " n.created_at FROM coaching_note n LEFT JOIN membership a ON a.id = n.author_id"
                        + " LEFT JOIN person p ON p.id = a.person_id WHERE n.course_id = ?1 AND n.learner_id = ?2"
                        + (sharedOnly ? " AND n.shared = TRUE" : "") + " ORDER BY n.created_at DESC, n.id DESC")
                .setParameter(1, courseId).setParameter(2, learnerId).getResultList()) {
            Object[] r = (Object[]) row;
            notes.add(new CoachingNote(number(r[0]), learnerId, nullableNumber(r[1]), (String) r[2], (String) r[3],
                    Diagnosis.valueOf((String) r[4]), (String) r[5], (String) r[6], date(r[7]), instant(r[8]), bool(r[9]),
                    instant(r[10]), instant(r[11])));
        }
        return notes;
    }

    /** The student confirms the commitment of a note shared with them; false when there is no such note. */
    public boolean confirm(long courseId, long learnerId, long noteId) {
        return em.createNativeQuery("UPDATE coaching_note SET confirmed_at = COALESCE(confirmed_at, ?1) WHERE id = ?2"
                        + " AND course_id = ?3 AND learner_id = ?4 AND shared = TRUE")
                .setParameter(1, now()).setParameter(2, noteId).setParameter(3, courseId).setParameter(4, learnerId)
                .executeUpdate() == 1;
    }

    /** Staff followed the note up: it leaves the due list. */
    public boolean followedUp(long courseId, long learnerId, long noteId) {
        return em.createNativeQuery("UPDATE coaching_note SET followed_up_at = ?1 WHERE id = ?2 AND course_id = ?3"
                        + " AND learner_id = ?4")
                .setParameter(1, now()).setParameter(2, noteId).setParameter(3, courseId).setParameter(4, learnerId)
                .executeUpdate() == 1;
    }

    /** Follow-ups due by {@code today} among the students of {@code learnerScope} (over membership {@code m}). */
    public List<FollowUp> due(long courseId, String learnerScope, LocalDate today) {
        List<FollowUp> due = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT n.id, n.learner_id, " + named("p") + ", n.commitment,"
                        + " n.follow_up_on, n.confirmed_at FROM coaching_note n JOIN membership m ON m.id = n.learner_id"
                        + " JOIN person p ON p.id = m.person_id WHERE n.course_id = ?1 AND n.follow_up_on <= ?2"
                        + " AND n.followed_up_at IS NULL AND m.active = TRUE AND " + learnerScope
                        + " ORDER BY n.follow_up_on, n.id")
                .setParameter(1, courseId).setParameter(2, Date.valueOf(today)).getResultList()) {
            Object[] r = (Object[]) row;
            due.add(new FollowUp(number(r[0]), number(r[1]), (String) r[2], (String) r[3], date(r[4]), r[5] != null));
        }
        return due;
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
