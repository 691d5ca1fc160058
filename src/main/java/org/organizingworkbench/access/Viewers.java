package org.organizingworkbench.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.organizingworkbench.course.CourseRole;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads who is asking from the database, once per request: the membership the session names, if it is still an
 * active membership of that person in that course. A member the LMS removed, or whose role changed, is seen as the
 * database has them now, whatever their session token still says.
 */
@ApplicationScoped
public class Viewers {

    private static final String MEMBER = "SELECT m.id, m.course_id, m.role, m.active, c.fellow_scope,"
            + " GROUP_CONCAT(sm.section_id) FROM membership m JOIN course c ON c.id = m.course_id"
            + " LEFT JOIN section_member sm ON sm.membership_id = m.id WHERE m.id = ?1";

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    /** The viewer a session stands for, or empty when that membership is gone or no longer active. */
    public Optional<Viewer> of(long personId, long courseId, long membershipId) {
        List<?> rows = em.createNativeQuery(MEMBER + " AND m.course_id = ?2 AND m.person_id = ?3 AND m.active"
                        + " GROUP BY m.id").setParameter(1, membershipId).setParameter(2, courseId)
                .setParameter(3, personId).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(row -> new Viewer(personId, courseId,
                membershipId, CourseRole.valueOf((String) row[2]), sections(row[5]),
                FellowScope.valueOf((String) row[4])));
    }

    /** The member whose work is asked for, in any course (the policy compares courses). */
    Optional<Member> member(long membershipId) {
        List<?> rows = em.createNativeQuery(MEMBER + " GROUP BY m.id").setParameter(1, membershipId).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(row -> new Member(membershipId,
                ((Number) row[1]).longValue(), CourseRole.valueOf((String) row[2]), truth(row[3]), sections(row[5])));
    }

    static Set<Long> sections(Object concatenated) {
        if (concatenated == null || concatenated.toString().isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(concatenated.toString().split(",")).map(Long::valueOf).collect(Collectors.toSet());
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }
}
