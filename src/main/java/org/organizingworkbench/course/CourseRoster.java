package org.organizingworkbench.course;

import org.organizingworkbench.privacy.PersonName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.organizingworkbench.lti.LtiLaunch;
import org.organizingworkbench.lti.Roster;
import org.organizingworkbench.lti.RosterMember;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * People, courses, resource links and memberships, kept up to date from each launch. Upserts are single MariaDB
 * statements ({@code INSERT … ON DUPLICATE KEY UPDATE}) so two first launches of the same person at once cannot
 * both insert.
 */
@ApplicationScoped
@Transactional
public class CourseRoster {

    /** The custom parameter of a link the tool placed (Deep Linking) that names the exercise it opens. */
    public static final String EXERCISE_PARAMETER = "exercise";
    /** The custom parameter of a link placed "as a peer review round": the round's exercise. */
    public static final String REVIEW_PARAMETER = "review_round";

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    public Enrolment enrol(long platformId, long deploymentRowId, LtiLaunch launch) {
        CourseRole role = CourseRole.fromLtiRoles(launch.roles());
        String name = fullName(launch.name().orElse(null), launch.givenName().orElse(null), launch.familyName().orElse(null));
        String displayName = launch.subject().map(sub -> PersonName.shown(name, platformId, sub)).orElse(name);
        Long personId = launch.subject().map(sub -> upsertPerson(platformId, sub, name)).orElse(null);
        LtiLaunch.Context context = launch.context().orElse(null);
        if (context == null) {
            return new Enrolment(personId, displayName, null, null, null, role, null);
        }
        long courseId = upsertCourse(deploymentRowId, context, launch);
        Long resourceLinkId = launch.resourceLink()
                .map(link -> upsertResourceLink(courseId, link, launch.lineItemUrl().orElse(null), exerciseOf(launch, EXERCISE_PARAMETER),
                        exerciseOf(launch, REVIEW_PARAMETER)))
                .orElse(null);
        Long membershipId = personId == null ? null : upsertMembership(courseId, personId, role, launch.roles());
        CourseRole inTool = membershipId == null ? role : roleOf(membershipId);
        String title = context.title() != null ? context.title() : context.label();
        return new Enrolment(personId, displayName, courseId, title, membershipId, inTool, resourceLinkId);
    }

    public List<Membership> members(long courseId) {
        return em.createNamedQuery("Membership.ofCourse", Membership.class).setParameter("courseId", courseId)
                .getResultList();
    }

    /** The course an LTI context of a deployment became in this tool, if anyone launched from it yet. */
    public java.util.Optional<Long> courseId(long deploymentRowId, String contextId) {
        return em.createQuery("SELECT c.id FROM Course c WHERE c.deploymentRowId = :deployment AND c.contextId = :context",
                        Long.class).setParameter("deployment", deploymentRowId).setParameter("context", contextId)
                .getResultStream().findFirst();
    }

    public Course course(long courseId) {
        return em.find(Course.class, courseId);
    }

    /**
     * Brings the course's members in line with the platform's roster (NRPS). A member who launched keeps the role
     * of the launch (Moodle lists a non-editing teacher as Learner in NRPS but launches them as Instructor); the
     * others get the roster's role. Members missing from a non-empty roster are kept but marked inactive.
     *
     * @return how many members the roster listed
     */
    public int applyRoster(long courseId, long platformId, Roster platformRoster) {
        List<Long> listed = new ArrayList<>();
        for (RosterMember member : platformRoster.members()) {
            long personId = upsertPerson(platformId, member.userId(),
                    fullName(member.name(), member.givenName(), member.familyName()));
            CourseRole role = CourseRole.fromLtiRoles(member.roles());
            // An instructor's choice and the person's own launch both outrank the roster (see V10).
            em.createNativeQuery("INSERT INTO membership (course_id, person_id, role, roster_role, lms_roles, active,"
                            + " updated_at) VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6) ON DUPLICATE KEY UPDATE"
                            + " roster_role = VALUES(roster_role),"
                            + " role = COALESCE(tool_role, launch_role, VALUES(roster_role)),"
                            + " lms_roles = IF(launch_role IS NULL, VALUES(lms_roles), lms_roles),"
                            + " active = VALUES(active), updated_at = VALUES(updated_at)")
                    .setParameter(1, courseId).setParameter(2, personId).setParameter(3, role.name())
                    .setParameter(4, String.join(" ", member.roles())).setParameter(5, member.active())
                    .setParameter(6, now())
                    .executeUpdate();
            listed.add(personId);
        }
        if (!listed.isEmpty()) {
            em.createQuery("UPDATE Membership m SET m.active = FALSE WHERE m.course.id = :courseId"
                            + " AND m.person.id NOT IN :listed")
                    .setParameter("courseId", courseId).setParameter("listed", listed).executeUpdate();
        }
        em.find(Course.class, courseId).rosterSynced(true, listed.size() + " members", now());
        return listed.size();
    }

    /** Courses with a roster service whose last successful sync is older than maxAge (or never happened). */
    public List<Long> coursesWithStaleRosters(java.time.Duration maxAge) {
        return em.createQuery("SELECT c.id FROM Course c WHERE c.membershipsUrl IS NOT NULL"
                        + " AND (c.rosterSyncedAt IS NULL OR c.rosterSyncedAt < :cutoff) ORDER BY c.rosterSyncedAt", Long.class)
                .setParameter("cutoff", now().minus(maxAge)).getResultList();
    }

    /**
     * Marks a roster sync of the course as running, unless one already runs: one sync per course at a time, on any
     * node. A sync whose start is older than {@code abandonedAfter} counts as abandoned (its node stopped).
     *
     * @return false when another sync runs
     */
    public boolean claimRosterSync(long courseId, java.time.Duration abandonedAfter) {
        LocalDateTime now = now();
        return em.createNativeQuery("UPDATE course SET roster_sync_started_at = ?1, roster_sync_pages = 0,"
                        + " roster_sync_members = 0 WHERE id = ?2 AND (roster_sync_started_at IS NULL"
                        + " OR roster_sync_started_at < ?3)")
                .setParameter(1, now).setParameter(2, courseId).setParameter(3, now.minus(abandonedAfter))
                .executeUpdate() == 1;
    }

    public void rosterSyncProgress(long courseId, int pages, int members) {
        em.createNativeQuery("UPDATE course SET roster_sync_pages = ?1, roster_sync_members = ?2 WHERE id = ?3")
                .setParameter(1, pages).setParameter(2, members).setParameter(3, courseId).executeUpdate();
    }

    public void rosterSyncEnded(long courseId) {
        em.createNativeQuery("UPDATE course SET roster_sync_started_at = NULL WHERE id = ?1")
                .setParameter(1, courseId).executeUpdate();
    }

    public void rosterSyncFailed(long courseId, String reason) {
        Course course = em.find(Course.class, courseId);
        if (course != null) {
            course.rosterSynced(false, reason, now());
        }
    }

    /** The learner of the course with this platform subject (a member who left included: their work is kept). */
    public java.util.Optional<Membership> learner(long courseId, String subject) {
        return em.createQuery("SELECT m FROM Membership m WHERE m.course.id = :courseId AND m.person.subject = :subject"
                        + " AND m.role = :learner", Membership.class)
                .setParameter("courseId", courseId).setParameter("subject", subject)
                .setParameter("learner", CourseRole.LEARNER).getResultStream().findFirst();
    }

    /**
     * The active members of the course that a scope predicate over {@code m} (a {@code membership} row) admits, staff
     * by role, then by name. The predicate comes from the access policy.
     */
    @SuppressWarnings("unchecked")
    public List<Membership> activeMembersWhere(long courseId, String scopeOnM) {
        return em.createNativeQuery("SELECT m.* FROM membership m JOIN person p ON p.id = m.person_id"
                        + " WHERE m.course_id = ?1 AND m.active AND " + scopeOnM
                        + " ORDER BY m.role, p.name, m.id",
                Membership.class).setParameter(1, courseId).getResultList();
    }

    /**
     * The one name the tool keeps: the full name, or the given and family names put together; null when the
     * platform's privacy settings withhold them. Email, given/family names and locale are never stored.
     */
    static String fullName(String name, String givenName, String familyName) {
        String full = PersonName.kept(name);
        if (full != null) {
            return full;
        }
        return PersonName.kept((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName));
    }

    private long upsertPerson(long platformId, String subject, String name) {
        // A name is only sent when the platform's privacy settings allow it: keep what we had otherwise.
        return returnedId(em.createNativeQuery("INSERT INTO person (platform_id, subject, name, updated_at)"
                        + " VALUES (?1, ?2, ?3, ?4) ON DUPLICATE KEY UPDATE"
                        + " name = COALESCE(VALUES(name), name), updated_at = VALUES(updated_at) RETURNING id")
                .setParameter(1, platformId).setParameter(2, subject).setParameter(3, name).setParameter(4, now())
                .getSingleResult());
    }

    private long upsertCourse(long deploymentRowId, LtiLaunch.Context context, LtiLaunch launch) {
        return returnedId(em.createNativeQuery("INSERT INTO course (deployment_id, context_id, title, label, nrps_url, ags_lineitems_url,"
                        + " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                        + " ON DUPLICATE KEY UPDATE title = COALESCE(VALUES(title), title),"
                        + " label = COALESCE(VALUES(label), label), nrps_url = COALESCE(VALUES(nrps_url), nrps_url),"
                        + " ags_lineitems_url = COALESCE(VALUES(ags_lineitems_url), ags_lineitems_url),"
                        + " updated_at = VALUES(updated_at) RETURNING id")
                .setParameter(1, deploymentRowId).setParameter(2, context.id()).setParameter(3, context.title())
                .setParameter(4, context.label()).setParameter(5, launch.membershipsUrl().orElse(null))
                .setParameter(6, launch.lineItemsUrl().orElse(null)).setParameter(7, now())
                .getSingleResult());
    }

    /** The curriculum exercise a link opens; anything but an exercise id is ignored (the LMS lets admins edit it). */
    private static String exerciseOf(LtiLaunch launch, String parameter) {
        return launch.custom().get(parameter) instanceof String id && id.matches("[a-z0-9][a-z0-9-]{0,99}") ? id : null;
    }

    /**
     * The line item and the exercise are the latest launch's: a platform may replace the line item (a teacher
     * re-creating a column), and an administrator may edit the link's custom parameter {@code exercise} (which our
     * Deep Linking response sets).
     */
    private long upsertResourceLink(long courseId, LtiLaunch.ResourceLink link, String lineItemUrl, String exerciseId,
                                    String reviewExerciseId) {
        return returnedId(em.createNativeQuery("INSERT INTO resource_link (course_id, link_id, title, lineitem_url, exercise_id,"
                        + " review_exercise_id, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?7, ?6) ON DUPLICATE KEY UPDATE"
                        + " review_exercise_id = VALUES(review_exercise_id),"
                        + " title = COALESCE(VALUES(title), title),"
                        + " lineitem_due_told = IF(lineitem_url <=> VALUES(lineitem_url), lineitem_due_told, FALSE),"
                        + " lineitem_url = VALUES(lineitem_url),"
                        + " exercise_id = VALUES(exercise_id), updated_at = VALUES(updated_at) RETURNING id")
                .setParameter(1, courseId).setParameter(2, link.id()).setParameter(3, link.title())
                .setParameter(4, lineItemUrl).setParameter(5, exerciseId).setParameter(6, now())
                .setParameter(7, reviewExerciseId)
                .getSingleResult());
    }

    private long upsertMembership(long courseId, long personId, CourseRole role, List<String> lmsRoles) {
        // The launch's role wins over the roster's, but not over a role an instructor chose in the tool (see V10).
        return returnedId(em.createNativeQuery("INSERT INTO membership (course_id, person_id, role, launch_role, lms_roles, active,"
                        + " updated_at) VALUES (?1, ?2, ?3, ?3, ?4, TRUE, ?5) ON DUPLICATE KEY UPDATE"
                        + " launch_role = VALUES(launch_role),"
                        + " role = COALESCE(tool_role, VALUES(launch_role)), lms_roles = VALUES(lms_roles), active = TRUE,"
                        + " updated_at = VALUES(updated_at) RETURNING id")
                .setParameter(1, courseId).setParameter(2, personId).setParameter(3, role.name())
                .setParameter(4, String.join(" ", lmsRoles)).setParameter(5, now())
                .getSingleResult());
    }

    private CourseRole roleOf(long membershipId) {
        return CourseRole.valueOf((String) em.createNativeQuery("SELECT role FROM membership WHERE id = ?1")
                .setParameter(1, membershipId).getSingleResult());
    }

    /** The id an {@code INSERT … ON DUPLICATE KEY UPDATE … RETURNING id} gave back (MariaDB 10.5+): one round trip. */
    private static long returnedId(Object returned) {
        return ((Number) returned).longValue();
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    /**
     * A resource link the LMS lists with a line item for one of the course's exercises (found through AGS, perhaps
     * before anyone launched it). A launch later finds the same row; the launch's own values win then.
     *
     * @return the link's row id
     */
    public long placedLink(long courseId, String linkId, String title, String lineItemUrl, String exerciseId) {
        return returnedId(em.createNativeQuery("INSERT INTO resource_link (course_id, link_id, title, lineitem_url,"
                        + " exercise_id, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON DUPLICATE KEY UPDATE"
                        + " title = COALESCE(title, VALUES(title)),"
                        + " lineitem_due_told = IF(lineitem_url <=> VALUES(lineitem_url), lineitem_due_told, FALSE),"
                        + " lineitem_url = VALUES(lineitem_url),"
                        + " exercise_id = COALESCE(exercise_id, VALUES(exercise_id)) RETURNING id")
                .setParameter(1, courseId).setParameter(2, linkId).setParameter(3, title)
                .setParameter(4, lineItemUrl).setParameter(5, exerciseId).setParameter(6, now())
                .getSingleResult());
    }

    /** The curriculum exercise a resource link of the course opens, when our Deep Linking placed it. */
    public Optional<String> exerciseOfLink(long resourceLinkId) {
        List<?> rows = em.createNativeQuery("SELECT exercise_id FROM resource_link WHERE id = ?1 AND exercise_id IS NOT NULL")
                .setParameter(1, resourceLinkId).getResultList();
        return rows.stream().map(String.class::cast).findFirst();
    }

    /** The exercise whose peer review round a resource link opens, when Deep Linking placed it as one. */
    public Optional<String> reviewRoundOfLink(long resourceLinkId) {
        List<?> rows = em.createNativeQuery("SELECT review_exercise_id FROM resource_link WHERE id = ?1"
                        + " AND review_exercise_id IS NOT NULL").setParameter(1, resourceLinkId).getResultList();
        return rows.stream().map(String.class::cast).findFirst();
    }
}
