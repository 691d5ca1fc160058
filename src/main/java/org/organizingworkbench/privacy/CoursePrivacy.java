package org.organizingworkbench.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;

/** A course's privacy choices, made by its instructors. A course without a row has the defaults. */
@ApplicationScoped
@Transactional
public class CoursePrivacy {

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    /** Whether staff see the names of the people a student met ({@link MetPeople}); no by default. */
    public boolean staffSeeMetNames(long courseId) {
        List<?> rows = em.createNativeQuery("SELECT staff_see_met_names FROM course_privacy WHERE course_id = ?1")
                .setParameter(1, courseId).getResultList();
        return !rows.isEmpty() && truthy(rows.get(0));
    }

    public void staffSeeMetNames(long courseId, boolean allowed) {
        em.createNativeQuery("INSERT INTO course_privacy (course_id, staff_see_met_names) VALUES (?1, ?2)"
                        + " ON DUPLICATE KEY UPDATE staff_see_met_names = VALUES(staff_see_met_names)")
                .setParameter(1, courseId).setParameter(2, allowed).executeUpdate();
    }

    /** When the retention period's notice for the course started; empty when none runs. */
    public java.util.Optional<java.time.Instant> retentionNoticeAt(long courseId) {
        List<?> rows = em.createNativeQuery("SELECT retention_notice_at FROM course_privacy WHERE course_id = ?1"
                + " AND retention_notice_at IS NOT NULL").setParameter(1, courseId).getResultList();
        return rows.stream().findFirst().map(CoursePrivacy::instant);
    }

    void retentionNotice(long courseId, java.time.Instant startedAt) {
        em.createNativeQuery("INSERT INTO course_privacy (course_id, retention_notice_at) VALUES (?1, ?2)"
                        + " ON DUPLICATE KEY UPDATE retention_notice_at = VALUES(retention_notice_at)")
                .setParameter(1, courseId)
                .setParameter(2, startedAt == null ? null : java.time.LocalDateTime.ofInstant(startedAt, java.time.ZoneOffset.UTC))
                .executeUpdate();
    }

    static java.time.Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
        }
        return ((java.time.LocalDateTime) value).toInstant(java.time.ZoneOffset.UTC);
    }

    static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }
}
