package org.organizingworkbench.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * The course's resource links that open an exercise and carry a line item, as the tool knows them from launches and
 * from the LMS's line items: where an exercise's grades go, and what due date each line item was last told.
 */
@ApplicationScoped
@Transactional
public class PlacedLinks {

    /** A placed link and the due date its line item was last told ({@code told} false: never told). */
    public record DueDateState(long id, long courseId, String lineItemUrl, String exerciseId, LocalDate told,
                               boolean wasTold) {
    }

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    /** The links launches (or an earlier lookup) showed with a line item for the exercise. */
    public List<PlacedActivity> of(long courseId, String exerciseId) {
        List<?> rows = em.createNativeQuery("SELECT link_id, title, lineitem_url FROM resource_link WHERE course_id = ?1"
                        + " AND exercise_id = ?2 AND lineitem_url IS NOT NULL ORDER BY id")
                .setParameter(1, courseId).setParameter(2, exerciseId).getResultList();
        return rows.stream().map(o -> (Object[]) o)
                .map(r -> new PlacedActivity((String) r[0], (String) r[1], (String) r[2], null)).toList();
    }

    public List<DueDateState> dueDates(long courseId) {
        List<?> rows = em.createNativeQuery("SELECT id, course_id, lineitem_url, exercise_id, lineitem_due, lineitem_due_told"
                        + " FROM resource_link WHERE course_id = ?1 AND exercise_id IS NOT NULL AND lineitem_url IS NOT NULL")
                .setParameter(1, courseId).getResultList();
        return rows.stream().map(o -> (Object[]) o).map(r -> new DueDateState(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), (String) r[2], (String) r[3], r[4] == null ? null : ((Date) r[4]).toLocalDate(),
                r[5] instanceof Boolean b ? b : ((Number) r[5]).intValue() != 0)).toList();
    }

    /** The courses with at least one placed link: those whose due dates a sweep checks. */
    public List<Long> coursesWithPlacedLinks() {
        return em.createNativeQuery("SELECT DISTINCT course_id FROM resource_link WHERE exercise_id IS NOT NULL"
                        + " AND lineitem_url IS NOT NULL").getResultList().stream()
                .map(n -> ((Number) n).longValue()).toList();
    }

    /** The line item now knows this due date (null: no due date); unless its URL changed meanwhile. */
    public void dueDateTold(long linkId, String lineItemUrl, LocalDate due) {
        em.createNativeQuery("UPDATE resource_link SET lineitem_due = ?1, lineitem_due_told = TRUE WHERE id = ?2"
                        + " AND lineitem_url = ?3")
                .setParameter(1, due == null ? null : Date.valueOf(due)).setParameter(2, linkId).setParameter(3, lineItemUrl)
                .executeUpdate();
    }
}
