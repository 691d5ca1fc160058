package org.organizingworkbench.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outbox table as the delivery worker uses it. Each step is its own short transaction, and the HTTP call to the
 * platform happens between them, never inside one. Every change after the claim is conditional on the row still
 * being claimed by this node, so a node whose claim expired (and was taken over) cannot overwrite the new owner.
 */
@ApplicationScoped
@Transactional
public class GradeDeliveries {

    /** A row stamped and ready to POST. */
    public record Outgoing(long id, long courseId, String lineItemUrl, String userId, Double scoreGiven,
                           double scoreMaximum, String comment, String activityProgress, String gradingProgress,
                           Instant timestamp, int attempts, Instant submittedAt, boolean repeatsUnanswered) {
    }

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    /** The time of every decision (leases, back-off); a test sets it instead of sleeping. */
    @Inject
    Clock clock;

    /**
     * Claims up to limit due rows for this node: rows locked by another node's claim are skipped (MariaDB 10.6+
     * SKIP LOCKED), rows whose claim expired are taken over (their node died or stalled).
     */
    public List<DeliveryOrder.Claimed> claim(String node, int limit, Duration lease) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<?> rows = em.createNativeQuery("SELECT id, line_item_url, user_id FROM grade_delivery"
                        + " WHERE status = 'PENDING' AND next_attempt_at <= ?1"
                        + " AND (claimed_until IS NULL OR claimed_until < ?1)"
                        + " ORDER BY id LIMIT " + limit + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).getResultList();
        List<DeliveryOrder.Claimed> claimed = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            claimed.add(new DeliveryOrder.Claimed(((Number) r[0]).longValue(), new DeliveryKey((String) r[1], (String) r[2])));
        }
        if (!claimed.isEmpty()) {
            em.createNativeQuery("UPDATE grade_delivery SET claimed_by = ?1, claimed_until = ?2 WHERE id IN ("
                            + ids(claimed) + ")")
                    .setParameter(1, node).setParameter(2, now.plus(lease)).executeUpdate();
        }
        return claimed;
    }

    /** The highest outbox id of each key, whatever its status. */
    public Map<DeliveryKey, Long> newestIds(Collection<DeliveryKey> keys) {
        Map<DeliveryKey, Long> newest = new HashMap<>();
        for (DeliveryKey key : keys) {
            Number id = (Number) em.createNativeQuery("SELECT MAX(id) FROM grade_delivery WHERE user_id = ?1"
                            + " AND line_item_url = ?2")
                    .setParameter(1, key.userId()).setParameter(2, key.lineItemUrl()).getSingleResult();
            if (id != null) {
                newest.put(key, id.longValue());
            }
        }
        return newest;
    }

    public void supersede(List<DeliveryOrder.Claimed> rows, String node) {
        if (rows.isEmpty()) {
            return;
        }
        em.createNativeQuery("UPDATE grade_delivery SET status = 'SUPERSEDED', claimed_by = NULL, claimed_until = NULL,"
                        + " last_error = 'superseded by a newer grade' WHERE status = 'PENDING' AND claimed_by = ?1"
                        + " AND id IN (" + ids(rows) + ")")
                .setParameter(1, node).executeUpdate();
    }

    /**
     * Gives the row its score timestamp ({@link DeliveryDecision#timestamp}: later than any timestamp already
     * given to the same user and line item) and renews the claim for the duration of the POST. A row whose last
     * POST was never answered (a timeout, or its node stopped mid-POST) keeps that POST's timestamp, so the platform
     * can recognise the score if it did arrive ({@link DeliveryDecision#after(int, String, int, Instant, double, boolean)}).
     * The row's last status is cleared until this POST is answered.
     *
     * @return empty when the row is no longer this node's to send
     */
    public Optional<Outgoing> stamp(long id, String node, Duration lease) {
        List<?> rows = em.createNativeQuery("SELECT d.line_item_url, d.user_id, d.score_given, d.score_maximum,"
                        + " d.comment, d.activity_progress, d.grading_progress, d.attempts, g.course_id, d.submitted_at,"
                        + " d.timestamp_sent, d.last_status, m.role, m.active FROM grade_delivery d"
                        + " JOIN grade g ON g.id = d.grade_id"
                        + " LEFT JOIN membership m ON m.course_id = g.course_id AND m.person_id = g.person_id"
                        + " WHERE d.id = ?1 AND d.status = 'PENDING' AND d.claimed_by = ?2 FOR UPDATE")
                .setParameter(1, id).setParameter(2, node).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        String notLearner = notLearner((String) r[12], r[13]);
        if (notLearner != null) {
            // Staff are never graded in the LMS (Moodle answers 400, Canvas 422): refused here, never POSTed.
            em.createNativeQuery("UPDATE grade_delivery SET status = 'FAILED', last_error = ?1, claimed_by = NULL,"
                            + " claimed_until = NULL WHERE id = ?2")
                    .setParameter(1, notLearner).setParameter(2, id).executeUpdate();
            return Optional.empty();
        }
        String lineItemUrl = (String) r[0];
        String userId = (String) r[1];
        Instant now = clock.instant();
        boolean repeatsUnanswered = r[10] != null && r[11] == null;
        Instant timestamp = repeatsUnanswered ? Grades.time(r[10]).toInstant(ZoneOffset.UTC) : nextTimestamp(userId, lineItemUrl, now);
        em.createNativeQuery("UPDATE grade_delivery SET timestamp_sent = ?1, claimed_until = ?2, last_status = NULL"
                        + " WHERE id = ?3")
                .setParameter(1, LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC))
                .setParameter(2, LocalDateTime.ofInstant(now.plus(lease), ZoneOffset.UTC)).setParameter(3, id)
                .executeUpdate();
        return Optional.of(new Outgoing(id, ((Number) r[8]).longValue(), lineItemUrl, userId,
                r[2] == null ? null : ((Number) r[2]).doubleValue(), ((Number) r[3]).doubleValue(), (String) r[4], (String) r[5],
                (String) r[6], timestamp, ((Number) r[7]).intValue(),
                r[9] == null ? null : Grades.time(r[9]).toInstant(ZoneOffset.UTC), repeatsUnanswered));
    }

    /** The last_error of a row the tool refused itself, followed by the rule: staff, not-member or inactive. */
    public static final String REFUSED_BY_TOOL = "refused-by-tool:";

    /**
     * Why a row's person may not be scored, read from the membership now ({@link #REFUSED_BY_TOOL} and the rule);
     * null when they are an active learner.
     */
    static String notLearner(String role, Object active) {
        boolean isActive = active instanceof Boolean b ? b : active instanceof Number n && n.intValue() != 0;
        if (role == null) {
            return REFUSED_BY_TOOL + "not-member";
        }
        if (!"LEARNER".equals(role)) {
            return REFUSED_BY_TOOL + "staff";
        }
        return isActive ? null : REFUSED_BY_TOOL + "inactive";
    }

    private Instant nextTimestamp(String userId, String lineItemUrl, Instant now) {
        LocalDateTime last = Grades.time(em.createNativeQuery("SELECT MAX(timestamp_sent) FROM grade_delivery"
                        + " WHERE user_id = ?1 AND line_item_url = ?2")
                .setParameter(1, userId).setParameter(2, lineItemUrl).getSingleResult());
        return DeliveryDecision.timestamp(now, last == null ? null : last.toInstant(ZoneOffset.UTC));
    }

    /** Records the decision on the platform's answer and releases the claim. */
    public void settle(long id, String node, int httpStatus, DeliveryDecision decision) {
        String sql = "UPDATE grade_delivery SET attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL,"
                + " last_status = ?1, %s WHERE id = ?2 AND claimed_by = ?3 AND status = 'PENDING'";
        jakarta.persistence.Query query;
        if (decision instanceof DeliveryDecision.Sent) {
            query = em.createNativeQuery(sql.formatted("status = 'SENT', sent_at = ?4, last_error = NULL"))
                    .setParameter(4, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        } else if (decision instanceof DeliveryDecision.Retry retry) {
            query = em.createNativeQuery(sql.formatted("next_attempt_at = ?4, last_error = ?5"))
                    .setParameter(4, utc(retry.nextAttemptAt())).setParameter(5, clip(retry.reason()));
        } else if (decision instanceof DeliveryDecision.Restamp restamp) {
            query = em.createNativeQuery(sql.formatted("next_attempt_at = ?4, last_error = ?5"))
                    .setParameter(4, utc(restamp.nextAttemptAt())).setParameter(5, clip(restamp.reason()));
        } else {
            query = em.createNativeQuery(sql.formatted("status = 'FAILED', last_error = ?4"))
                    .setParameter(4, clip(((DeliveryDecision.Failed) decision).reason()));
        }
        query.setParameter(1, httpStatus == 0 ? null : httpStatus).setParameter(2, id).setParameter(3, node)
                .executeUpdate();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static String ids(List<DeliveryOrder.Claimed> rows) {
        return rows.stream().map(r -> Long.toString(r.id())).collect(Collectors.joining(","));
    }
}
