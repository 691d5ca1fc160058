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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import static org.organizingworkbench.coaching.Feedbacks.named;
import static org.organizingworkbench.coaching.Feedbacks.number;

/**
 * The triad planner. Staff's calls come after the access policy said the viewer may see the section; a student's
 * calls are keyed by their own membership, so they reach only the triad they sit in. Every query keeps to the course.
 */
@ApplicationScoped
@Transactional
public class Triads {

    static final int MAX_ROUNDS = 60;
    static final int MAX_ROUND_DAYS = 120;

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Forms a triad of three different active students of the section, none already in a triad of it, seated in
     * the order given (the first is coach in the first round).
     *
     * @return the triad's id; empty when the students, the section or the rotation do not qualify
     */
    public OptionalLong form(long courseId, long sectionId, List<Long> learners, LocalDate startsOn, int roundDays,
                             int rounds, long by) {
        if (learners.size() != 3 || new LinkedHashSet<>(learners).size() != 3 || rounds < 3 || rounds > MAX_ROUNDS
                || roundDays < 1 || roundDays > MAX_ROUND_DAYS) {
            return OptionalLong.empty();
        }
        String ids = learners.stream().map(String::valueOf).collect(Collectors.joining(","));
        long eligible = number(em.createNativeQuery("SELECT COUNT(*) FROM section_member sm JOIN membership m"
                        + " ON m.id = sm.membership_id JOIN section s ON s.id = sm.section_id WHERE sm.section_id = ?1"
                        + " AND s.course_id = ?2 AND m.role = 'LEARNER' AND m.active = TRUE AND m.id IN (" + ids + ")"
                        + " AND NOT EXISTS (SELECT 1 FROM triad_member tm JOIN triad t ON t.id = tm.triad_id"
                        + " WHERE tm.learner_id = m.id AND t.section_id = ?1)")
                .setParameter(1, sectionId).setParameter(2, courseId).getSingleResult());
        if (eligible != 3) {
            return OptionalLong.empty();
        }
        em.createNativeQuery("INSERT INTO triad (course_id, section_id, starts_on, round_days, rounds, created_by,"
                        + " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, courseId).setParameter(2, sectionId).setParameter(3, Date.valueOf(startsOn))
                .setParameter(4, roundDays).setParameter(5, rounds).setParameter(6, by).setParameter(7, now())
                .executeUpdate();
        long id = number(em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult());
        for (int seat = 0; seat < 3; seat++) {
            em.createNativeQuery("INSERT INTO triad_member (triad_id, seat, learner_id) VALUES (?1, ?2, ?3)")
                    .setParameter(1, id).setParameter(2, seat).setParameter(3, learners.get(seat)).executeUpdate();
        }
        return OptionalLong.of(id);
    }

    /** The section's triads with every record, oldest first (three queries). */
    public List<Triad> ofSection(long courseId, long sectionId) {
        return load("t.section_id = ?1 AND t.course_id = ?2", sectionId, courseId);
    }

    /** The triad the student sits in (the newest, if several), with its records; nobody else's. */
    public Optional<Triad> of(long courseId, long learnerId) {
        List<Triad> mine = load("t.course_id = ?2 AND t.id IN (SELECT triad_id FROM triad_member WHERE learner_id = ?1)",
                learnerId, courseId);
        return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
    }

    /**
     * A student records the feedback they received and gave in a round of their own triad (plain text within the
     * feedback limits; {@link InvalidFeedbackException} otherwise).
     *
     * @return false when the student does not sit in that triad of the course or the round is not one of it
     */
    public boolean record(long courseId, long learnerId, long triadId, int round, String received, String gave) {
        String r = Feedbacks.text(received);
        String g = Feedbacks.text(gave);
        return em.createNativeQuery("INSERT INTO triad_feedback (triad_id, round, learner_id, received, gave, saved_at)"
                        + " SELECT t.id, ?1, tm.learner_id, ?2, ?3, ?4 FROM triad t JOIN triad_member tm ON tm.triad_id = t.id"
                        + " WHERE t.id = ?5 AND t.course_id = ?6 AND tm.learner_id = ?7 AND ?1 >= 0 AND ?1 < t.rounds"
                        + " ON DUPLICATE KEY UPDATE received = VALUES(received), gave = VALUES(gave),"
                        + " saved_at = VALUES(saved_at)")
                .setParameter(1, round).setParameter(2, r).setParameter(3, g).setParameter(4, now())
                .setParameter(5, triadId).setParameter(6, courseId).setParameter(7, learnerId).executeUpdate() > 0;
    }

    private List<Triad> load(String where, long first, long courseId) {
        Map<Long, List<Triad.Member>> members = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT tm.triad_id, tm.seat, tm.learner_id, " + named("p")
                        + " FROM triad t JOIN triad_member tm ON tm.triad_id = t.id JOIN membership m ON m.id = tm.learner_id"
                        + " JOIN person p ON p.id = m.person_id WHERE " + where + " ORDER BY tm.triad_id, tm.seat")
                .setParameter(1, first).setParameter(2, courseId).getResultList()) {
            Object[] r = (Object[]) row;
            members.computeIfAbsent(number(r[0]), k -> new ArrayList<>())
                    .add(new Triad.Member((int) number(r[1]), number(r[2]), (String) r[3]));
        }
        Map<Long, List<Triad.Note>> notes = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT f.triad_id, f.round, f.learner_id, f.received, f.gave"
                        + " FROM triad t JOIN triad_feedback f ON f.triad_id = t.id WHERE " + where
                        + " ORDER BY f.round, f.learner_id")
                .setParameter(1, first).setParameter(2, courseId).getResultList()) {
            Object[] r = (Object[]) row;
            notes.computeIfAbsent(number(r[0]), k -> new ArrayList<>())
                    .add(new Triad.Note((int) number(r[1]), number(r[2]), (String) r[3], (String) r[4]));
        }
        List<Triad> triads = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT t.id, t.section_id, t.starts_on, t.round_days, t.rounds FROM triad t"
                        + " WHERE " + where + " ORDER BY t.id")
                .setParameter(1, first).setParameter(2, courseId).getResultList()) {
            Object[] r = (Object[]) row;
            long id = number(r[0]);
            triads.add(new Triad(id, number(r[1]), CoachingLog.date(r[2]), (int) number(r[3]), (int) number(r[4]),
                    members.getOrDefault(id, List.of()), notes.getOrDefault(id, List.of())));
        }
        return triads;
    }

    /** Today in UTC, the day the current round is read for. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
