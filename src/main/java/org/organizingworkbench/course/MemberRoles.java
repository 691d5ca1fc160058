package org.organizingworkbench.course;

import org.organizingworkbench.privacy.PersonName;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Roles the tool owns: an instructor can make a member a Teaching Fellow, an instructor or a student in the tool,
 * whatever the LMS says, and undo it. The choice survives later launches and roster syncs: both write their own
 * column, and the role the tool acts on is the instructor's choice first ({@link CourseRoster}, V10). Moodle needs it: it has no Teaching Fellow role, launches a non-editing teacher
 * as Instructor and lists them as Learner in Names and Roles (LTI.md §3.4). A member whose role changes leaves
 * their sections, since a section places students and Fellows differently; the instructor places them again.
 */
@ApplicationScoped
@Transactional
public class MemberRoles {

    private static final String NAME = PersonName.SQL;

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    /** The course's active members with their roles, staff first, then by name. */
    public List<RoleChoice> list(long courseId) {
        List<?> rows = em.createNativeQuery("SELECT m.id, " + NAME + ", m.role, COALESCE(m.launch_role, m.roster_role),"
                        + " m.tool_role IS NOT NULL"
                        + " FROM membership m JOIN person p ON p.id = m.person_id WHERE m.course_id = ?1 AND m.active"
                        + " ORDER BY FIELD(m.role, 'INSTRUCTOR', 'TEACHING_ASSISTANT', 'LEARNER'), 2, 1")
                .setParameter(1, courseId).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new RoleChoice(((Number) r[0]).longValue(),
                (String) r[1], CourseRole.valueOf((String) r[2]), CourseRole.valueOf((String) r[3]),
                ((Number) r[4]).intValue() != 0)).toList();
    }

    /** Gives the member this role in the tool until an instructor undoes it. */
    public void choose(long courseId, long membershipId, CourseRole role, long chosenBy) {
        requireOther(courseId, membershipId, chosenBy);
        change(membershipId, "tool_role = ?2, role = ?2, tool_role_by = ?3", role.name(), chosenBy);
    }

    /** Gives the member the role the LMS says again (their launch's, else the roster's); the LMS decides from now on. */
    public void followLms(long courseId, long membershipId, long undoneBy) {
        requireOther(courseId, membershipId, undoneBy);
        change(membershipId, "tool_role = NULL, tool_role_by = NULL, role = COALESCE(launch_role, roster_role)", null, null);
    }

    private void change(long membershipId, String assignments, String role, Long by) {
        String roleBefore = (String) em.createNativeQuery("SELECT role FROM membership WHERE id = ?1 FOR UPDATE")
                .setParameter(1, membershipId).getSingleResult();
        var update = em.createNativeQuery("UPDATE membership SET " + assignments + ", updated_at = ?4 WHERE id = ?1")
                .setParameter(1, membershipId).setParameter(4, LocalDateTime.now(ZoneOffset.UTC));
        if (role != null) {
            update.setParameter(2, role).setParameter(3, by);
        }
        update.executeUpdate();
        String roleAfter = (String) em.createNativeQuery("SELECT role FROM membership WHERE id = ?1")
                .setParameter(1, membershipId).getSingleResult();
        if (!roleAfter.equals(roleBefore)) {
            em.createNativeQuery("DELETE FROM section_member WHERE membership_id = ?1").setParameter(1, membershipId)
                    .executeUpdate();
        }
    }

    private void requireOther(long courseId, long membershipId, long instructorId) {
        if (membershipId == instructorId) {
            throw new RoleChangeRefused(RoleChangeRefused.Reason.OWN_ROLE);
        }
        boolean member = !em.createNativeQuery("SELECT 1 FROM membership WHERE id = ?1 AND course_id = ?2 AND active")
                .setParameter(1, membershipId).setParameter(2, courseId).getResultList().isEmpty();
        if (!member) {
            throw new RoleChangeRefused(RoleChangeRefused.Reason.NOT_A_MEMBER);
        }
    }
}
