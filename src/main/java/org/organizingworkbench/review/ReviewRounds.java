package org.organizingworkbench.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.organizingworkbench.privacy.PersonName;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rounds and who reviews whom: creating and configuring a round, taking in submissions, handing out pieces
 * ({@link Allocation}), taking back the ones whose deadline passed, and the staff's changes (reassign, add a
 * reviewer, excuse, release). Every change of pairings locks the round's row first, so two submissions arriving
 * together allocate one after the other. Who may ask is decided before, by the access policy.
 */
@ApplicationScoped
@Transactional
public class ReviewRounds {

    static final String ROUND = "SELECT id, course_id, exercise_id, reviewers_per_piece, scope, anonymous, reviews_due,"
            + " grace_hours, work_weight, review_weight, work_link_id, review_link_id, released_at FROM review_round";
    static final String ASSIGNMENT = "SELECT a.id, a.round_id, r.course_id, r.exercise_id, a.reviewer_id, a.author_id,"
            + " a.submission_number, a.status, a.assigned_at, a.due_at, a.submitted_at, a.helpfulness, a.flagged_at,"
            + " a.flag_note FROM review_assignment a JOIN review_round r ON r.id = a.round_id";

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Turns an exercise of the course into a round; students who already submitted it take part at once.
     *
     * @throws InvalidRoundException "exists" when the exercise has a round already
     */
    public PeerReviewRound create(long courseId, String exerciseId, RoundSettings settings, long createdBy) {
        if (roundOf(courseId, exerciseId).isPresent()) {
            throw new InvalidRoundException("exists");
        }
        em.createNativeQuery("INSERT INTO review_round (course_id, exercise_id, reviewers_per_piece, scope, anonymous,"
                        + " reviews_due, grace_hours, work_weight, review_weight, work_link_id, review_link_id, created_by,"
                        + " created_at) VALUES (?1, ?2, 0, '', FALSE, ?3, 0, 0, 0, NULL, NULL, ?4, ?3)")
                .setParameter(1, courseId).setParameter(2, exerciseId).setParameter(3, time(now()))
                .setParameter(4, createdBy).executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        write(id, settings);
        List<?> submitted = em.createNativeQuery("SELECT s.author_id, MIN(s.number), MIN(s.submitted_at)"
                        + " FROM workbook_submission s JOIN membership m ON m.id = s.author_id"
                        + " WHERE s.course_id = ?1 AND s.exercise_id = ?2 AND m.role = 'LEARNER' AND m.active"
                        + " GROUP BY s.author_id ORDER BY 3, 1")
                .setParameter(1, courseId).setParameter(2, exerciseId).getResultList();
        int arrival = 0;
        for (Object row : submitted) {
            Object[] r = (Object[]) row;
            join(id, ((Number) r[0]).longValue(), ((Number) r[1]).intValue(), arrival++, instant(r[2]));
        }
        allocate(id);
        return round(courseId, id).orElseThrow();
    }

    /** Changes a round's settings; more reviewers per piece hand out more pieces at once. */
    public void configure(long courseId, long roundId, RoundSettings settings) {
        round(courseId, roundId).orElseThrow(() -> new InvalidRoundException("unknown"));
        write(roundId, settings);
        allocate(roundId);
    }

    private void write(long roundId, RoundSettings s) {
        em.createNativeQuery("UPDATE review_round SET reviewers_per_piece = ?1, scope = ?2, anonymous = ?3,"
                        + " reviews_due = ?4, grace_hours = ?5, work_weight = ?6, review_weight = ?7, work_link_id = ?8,"
                        + " review_link_id = ?9 WHERE id = ?10")
                .setParameter(1, s.reviewersPerPiece()).setParameter(2, s.scope().name()).setParameter(3, s.anonymous())
                .setParameter(4, time(s.reviewsDue())).setParameter(5, s.graceHours()).setParameter(6, s.workWeight())
                .setParameter(7, s.reviewWeight()).setParameter(8, s.workLinkId()).setParameter(9, s.reviewLinkId())
                .setParameter(10, roundId).executeUpdate();
    }

    public Optional<PeerReviewRound> round(long courseId, long roundId) {
        return rounds(ROUND + " WHERE course_id = ?1 AND id = ?2", courseId, roundId).stream().findFirst();
    }

    public Optional<PeerReviewRound> roundOf(long courseId, String exerciseId) {
        return rounds(ROUND + " WHERE course_id = ?1 AND exercise_id = ?2", courseId, exerciseId).stream().findFirst();
    }

    public List<PeerReviewRound> rounds(long courseId) {
        return rounds(ROUND + " WHERE course_id = ?1 ORDER BY created_at, id", courseId, null);
    }

    private List<PeerReviewRound> rounds(String sql, long courseId, Object second) {
        var query = em.createNativeQuery(sql).setParameter(1, courseId);
        if (second != null) {
            query.setParameter(2, second);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(row -> round((Object[]) row)).toList();
    }

    /**
     * A student submitted the round's exercise: the first submission joins the round and is handed out (and the
     * student is handed work) at once; a later one, once the student has reviews, is the revision.
     */
    public void submitted(long courseId, long authorId, String exerciseId, int number, Instant at) {
        Optional<PeerReviewRound> round = roundOf(courseId, exerciseId);
        if (round.isEmpty() || !isLearner(authorId)) {
            return;
        }
        long roundId = round.get().id();
        lock(roundId);
        List<?> joined = em.createNativeQuery("SELECT submission_number FROM review_participant WHERE round_id = ?1"
                + " AND membership_id = ?2").setParameter(1, roundId).setParameter(2, authorId).getResultList();
        if (joined.isEmpty()) {
            int arrival = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM review_participant WHERE round_id = ?1")
                    .setParameter(1, roundId).getSingleResult()).intValue();
            join(roundId, authorId, number, arrival, at);
            allocate(roundId);
        } else if (number > ((Number) joined.get(0)).intValue()) {
            em.createNativeQuery("UPDATE review_participant SET revised_number = ?1, revised_at = ?2 WHERE round_id = ?3"
                            + " AND membership_id = ?4").setParameter(1, number).setParameter(2, time(at))
                    .setParameter(3, roundId).setParameter(4, authorId).executeUpdate();
        }
    }

    private void join(long roundId, long authorId, int number, int arrival, Instant at) {
        em.createNativeQuery("INSERT IGNORE INTO review_participant (round_id, membership_id, submission_number, arrival,"
                        + " submitted_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, roundId).setParameter(2, authorId).setParameter(3, number).setParameter(4, arrival)
                .setParameter(5, time(at)).executeUpdate();
    }

    /**
     * Takes back every piece whose deadline passed unreviewed and hands it to someone else; once the round's due
     * time has passed, also gives every piece still short of reviews to the least loaded reviewers.
     */
    public int sweep(long courseId, long roundId) {
        round(courseId, roundId).orElseThrow(() -> new InvalidRoundException("unknown"));
        lock(roundId);
        int missed = em.createNativeQuery("UPDATE review_assignment SET status = 'MISSED' WHERE round_id = ?1"
                        + " AND status = 'ASSIGNED' AND due_at < ?2")
                .setParameter(1, roundId).setParameter(2, time(now())).executeUpdate();
        allocate(roundId);
        return missed;
    }

    /** Staff take a piece back from its reviewer; someone else is handed it. */
    public void reassign(long courseId, long assignmentId) {
        Assignment a = assignment(courseId, assignmentId).orElseThrow(() -> new InvalidRoundException("unknown"));
        lock(a.roundId());
        em.createNativeQuery("UPDATE review_assignment SET status = 'WITHDRAWN' WHERE id = ?1 AND status = 'ASSIGNED'")
                .setParameter(1, assignmentId).executeUpdate();
        allocate(a.roundId());
    }

    /** Staff add a reviewer of their choice to a piece (any student of the round but its author). */
    public void addReviewer(long courseId, long roundId, long authorId, long reviewerId) {
        PeerReviewRound round = round(courseId, roundId).orElseThrow(() -> new InvalidRoundException("unknown"));
        lock(roundId);
        List<?> author = em.createNativeQuery("SELECT submission_number FROM review_participant WHERE round_id = ?1"
                + " AND membership_id = ?2").setParameter(1, roundId).setParameter(2, authorId).getResultList();
        if (author.isEmpty() || authorId == reviewerId || !isLearnerOf(courseId, reviewerId)) {
            throw new InvalidRoundException("pair");
        }
        Instant now = now();
        int added = em.createNativeQuery("INSERT IGNORE INTO review_assignment (round_id, reviewer_id, author_id,"
                        + " submission_number, status, assigned_at, due_at) VALUES (?1, ?2, ?3, ?4, 'ASSIGNED', ?5, ?6)")
                .setParameter(1, roundId).setParameter(2, reviewerId).setParameter(3, authorId)
                .setParameter(4, ((Number) author.get(0)).intValue()).setParameter(5, time(now))
                .setParameter(6, time(round.settings().dueFor(now))).executeUpdate();
        if (added == 0) {
            throw new InvalidRoundException("pair");
        }
    }

    /** Staff excuse a student from reviewing: their open pieces go to others; their own work is still reviewed. */
    public void excuse(long courseId, long roundId, long membershipId) {
        round(courseId, roundId).orElseThrow(() -> new InvalidRoundException("unknown"));
        lock(roundId);
        int changed = em.createNativeQuery("UPDATE review_participant SET excused = TRUE WHERE round_id = ?1"
                + " AND membership_id = ?2").setParameter(1, roundId).setParameter(2, membershipId).executeUpdate();
        if (changed == 0) {
            throw new InvalidRoundException("unknown");
        }
        em.createNativeQuery("UPDATE review_assignment SET status = 'WITHDRAWN' WHERE round_id = ?1 AND reviewer_id = ?2"
                + " AND status = 'ASSIGNED'").setParameter(1, roundId).setParameter(2, membershipId).executeUpdate();
        allocate(roundId);
    }

    /** Authors may read their reviews from now on. */
    public void release(long courseId, long roundId) {
        round(courseId, roundId).orElseThrow(() -> new InvalidRoundException("unknown"));
        em.createNativeQuery("UPDATE review_round SET released_at = COALESCE(released_at, ?1) WHERE id = ?2")
                .setParameter(1, time(now())).setParameter(2, roundId).executeUpdate();
    }

    /** Hands out what the round needs now ({@link Allocation}); the round's row must be locked. */
    void allocate(long roundId) {
        lock(roundId);
        PeerReviewRound round = rounds(ROUND + " WHERE id = ?1", roundId, null).get(0);
        List<Participant> people = new ArrayList<>();
        List<?> rows = em.createNativeQuery("SELECT p.membership_id, COALESCE((SELECT MIN(sm.section_id) FROM section_member sm"
                        + " JOIN section s ON s.id = sm.section_id WHERE sm.membership_id = p.membership_id"
                        + " AND s.course_id = ?2), 0), p.arrival, p.excused OR NOT m.active,"
                        + " EXISTS (SELECT 1 FROM review_assignment a WHERE a.round_id = p.round_id"
                        + " AND a.reviewer_id = p.membership_id AND a.status = 'MISSED'), p.submission_number"
                        + " FROM review_participant p JOIN membership m ON m.id = p.membership_id WHERE p.round_id = ?1")
                .setParameter(1, roundId).setParameter(2, round.courseId()).getResultList();
        java.util.Map<Long, Integer> numbers = new java.util.HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            people.add(new Participant(id, ((Number) r[1]).longValue(), ((Number) r[2]).intValue(), !bool(r[3]), bool(r[4])));
            numbers.put(id, ((Number) r[5]).intValue());
        }
        List<?> pairs = em.createNativeQuery("SELECT reviewer_id, author_id, status FROM review_assignment"
                        + " WHERE round_id = ?1").setParameter(1, roundId).getResultList();
        List<Pairing> existing = pairs.stream().map(row -> (Object[]) row).map(r -> new Pairing(reviewer(r[0]), ((Number) r[1]).longValue(),
                        AssignmentStatus.valueOf((String) r[2]).active())).toList();
        Instant now = now();
        LocalDateTime due = time(round.settings().dueFor(now));
        boolean closing = now.isAfter(round.settings().reviewsDue());
        for (Pairing pairing : Allocation.allocate(round.settings().reviewersPerPiece(), round.settings().scope(), people,
                existing, closing)) {
            em.createNativeQuery("INSERT INTO review_assignment (round_id, reviewer_id, author_id, submission_number,"
                            + " status, assigned_at, due_at) VALUES (?1, ?2, ?3, ?4, 'ASSIGNED', ?5, ?6)")
                    .setParameter(1, roundId).setParameter(2, pairing.reviewer()).setParameter(3, pairing.author())
                    .setParameter(4, numbers.get(pairing.author())).setParameter(5, time(now)).setParameter(6, due)
                    .executeUpdate();
        }
    }

    public Optional<Assignment> assignment(long courseId, long assignmentId) {
        return assignments(ASSIGNMENT + " WHERE r.course_id = ?1 AND a.id = ?2", courseId, assignmentId).stream().findFirst();
    }

    /** Every pairing of the round, for the staff's page. */
    public List<Assignment> assignments(long courseId, long roundId) {
        return assignments(ASSIGNMENT + " WHERE r.course_id = ?1 AND a.round_id = ?2 ORDER BY a.author_id, a.id",
                courseId, roundId);
    }

    /** The pieces handed to a reviewer in their course, open ones first. */
    public List<Assignment> handedTo(long courseId, long reviewerId) {
        return assignments(ASSIGNMENT + " WHERE r.course_id = ?1 AND a.reviewer_id = ?2 AND a.status IN ('ASSIGNED', 'SUBMITTED')"
                + " ORDER BY a.status, a.due_at, a.id", courseId, reviewerId);
    }

    /** The reviews written on an author's piece in a round, once submitted. */
    public List<Assignment> reviewsOf(long courseId, long roundId, long authorId) {
        return assignments(ASSIGNMENT + " WHERE r.course_id = ?1 AND a.round_id = ?2 AND a.author_id = " + authorId
                + " AND a.status = 'SUBMITTED' ORDER BY a.submitted_at, a.id", courseId, roundId);
    }

    private List<Assignment> assignments(String sql, long courseId, long second) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, courseId).setParameter(2, second).getResultList();
        return rows.stream().map(row -> assignment((Object[]) row)).toList();
    }

    /** The students of a round, limited to the ones the viewer sees ({@code scope}: the access policy's predicate on m). */
    public List<RoundMember> members(long roundId, String scope) {
        List<?> rows = em.createNativeQuery("SELECT rp.membership_id, m.person_id, " + PersonName.SQL + ","
                        + " (SELECT MIN(s.name) FROM section_member sm JOIN section s ON s.id = sm.section_id"
                        + " WHERE sm.membership_id = m.id AND s.course_id = m.course_id),"
                        + " rp.submission_number, rp.submitted_at, rp.excused, rp.revision_plan, rp.revised_number"
                        + " FROM review_participant rp JOIN membership m ON m.id = rp.membership_id"
                        + " JOIN person p ON p.id = m.person_id"
                        + " WHERE rp.round_id = ?1 AND " + scope + " ORDER BY rp.arrival")
                .setParameter(1, roundId).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(r -> new RoundMember(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), (String) r[2], (String) r[3], ((Number) r[4]).intValue(), instant(r[5]),
                bool(r[6]), (String) r[7], r[8] == null ? null : ((Number) r[8]).intValue())).toList();
    }

    /** The author's own part in a round: their submission number and revision plan, if they take part. */
    public Optional<RoundMember> member(long roundId, long membershipId) {
        List<?> rows = em.createNativeQuery("SELECT rp.membership_id, m.person_id, rp.submission_number, rp.submitted_at, rp.excused,"
                        + " rp.revision_plan, rp.revised_number FROM review_participant rp JOIN membership m ON m.id = rp.membership_id"
                        + " WHERE rp.round_id = ?1 AND rp.membership_id = ?2")
                .setParameter(1, roundId).setParameter(2, membershipId).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(r -> new RoundMember(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), null,
                null, ((Number) r[2]).intValue(), instant(r[3]), bool(r[4]), (String) r[5],
                r[6] == null ? null : ((Number) r[6]).intValue())).findFirst();
    }

    /** The course's placed activities with a gradebook column, which a round's two grades may go to: id → title. */
    public java.util.Map<Long, String> gradeLinks(long courseId) {
        List<?> rows = em.createNativeQuery("SELECT id, COALESCE(title, link_id) FROM resource_link WHERE course_id = ?1"
                + " AND lineitem_url IS NOT NULL ORDER BY id").setParameter(1, courseId).getResultList();
        java.util.Map<Long, String> links = new java.util.LinkedHashMap<>();
        rows.forEach(row -> links.put(((Number) ((Object[]) row)[0]).longValue(), (String) ((Object[]) row)[1]));
        return links;
    }

    /** Saves the author's revision plan, written after reading the reviews. */
    public void plan(long roundId, long authorId, String plan) {
        String text = plan == null ? "" : plan.strip();
        if (text.length() > 5000) {
            throw new InvalidRoundException("planTooLong");
        }
        int changed = em.createNativeQuery("UPDATE review_participant SET revision_plan = ?1, plan_saved_at = ?2"
                        + " WHERE round_id = ?3 AND membership_id = ?4")
                .setParameter(1, text.isEmpty() ? null : text).setParameter(2, time(now())).setParameter(3, roundId)
                .setParameter(4, authorId).executeUpdate();
        if (changed == 0) {
            throw new InvalidRoundException("unknown");
        }
    }

    private void lock(long roundId) {
        em.createNativeQuery("SELECT id FROM review_round WHERE id = ?1 FOR UPDATE").setParameter(1, roundId).getResultList();
    }

    private boolean isLearner(long membershipId) {
        return !em.createNativeQuery("SELECT 1 FROM membership WHERE id = ?1 AND role = 'LEARNER'")
                .setParameter(1, membershipId).getResultList().isEmpty();
    }

    private boolean isLearnerOf(long courseId, long membershipId) {
        return !em.createNativeQuery("SELECT 1 FROM membership WHERE id = ?1 AND course_id = ?2 AND role = 'LEARNER' AND active")
                .setParameter(1, membershipId).setParameter(2, courseId).getResultList().isEmpty();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static PeerReviewRound round(Object[] r) {
        RoundSettings settings = new RoundSettings(((Number) r[3]).intValue(), ReviewScope.valueOf((String) r[4]),
                bool(r[5]), instant(r[6]), ((Number) r[7]).intValue(), ((Number) r[8]).intValue(),
                ((Number) r[9]).intValue(), r[10] == null ? null : ((Number) r[10]).longValue(),
                r[11] == null ? null : ((Number) r[11]).longValue());
        return new PeerReviewRound(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], settings,
                r[12] == null ? null : instant(r[12]));
    }

    /** A review kept after its reviewer's deletion has no reviewer: 0, which is nobody's membership. */
    private static long reviewer(Object id) {
        return id == null ? 0L : ((Number) id).longValue();
    }

    private static Assignment assignment(Object[] r) {
        return new Assignment(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                (String) r[3], reviewer(r[4]), ((Number) r[5]).longValue(), ((Number) r[6]).intValue(),
                AssignmentStatus.valueOf((String) r[7]), instant(r[8]), instant(r[9]),
                r[10] == null ? null : instant(r[10]), r[11] == null ? null : ((Number) r[11]).intValue(), r[12] != null,
                (String) r[13]);
    }

    static boolean bool(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    static LocalDateTime time(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }
}
