package org.organizingworkbench.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one place that answers who may see whose work. Every answer is read from the database at the moment it is
 * asked: the viewer's role and sections ({@link Viewers}), the author's membership and sections. The course roles
 * decide first ({@link RoleRules}); then each {@link AccessGrant} a feature contributes may widen it for one piece
 * of work. Lists of people use the same rule as SQL ({@link LearnerScope}).
 */
@ApplicationScoped
public class AccessPolicy {

    @Inject
    Viewers viewers;

    @Inject
    Instance<AccessGrant> grants;

    @Inject
    Event<WorkOpened> opened;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    /** Whether the viewer may do this with the work. Unknown authors, other courses and non-students: no. */
    public boolean allows(Viewer viewer, Purpose purpose, StudentWork work) {
        Optional<Member> author = viewers.member(work.learnerId());
        if (author.isEmpty()) {
            return false;
        }
        if (RoleRules.allow(viewer, purpose, author.get())) {
            return true;
        }
        return author.get().courseId() == viewer.courseId() && purpose != Purpose.WRITE
                && grants().anyMatch(grant -> grant.allows(viewer, purpose, work));
    }

    /**
     * A student commenting on a classmate's passage: only when the instructor allows it in the course
     * ({@code course.peer_comments}), only for a classmate of one of their sections, and only on an exercise they may
     * already read (a grant such as a peer review assignment): this never widens what they read.
     */
    public boolean mayCommentAsPeer(Viewer viewer, StudentWork work) {
        if (!viewer.isLearner() || work.exerciseId() == null || work.learnerId() == viewer.membershipId()) {
            return false;
        }
        boolean allowed = !em.createNativeQuery("SELECT 1 FROM course c JOIN section s ON s.course_id = c.id"
                        + " JOIN section_member mine ON mine.section_id = s.id AND mine.membership_id = ?2"
                        + " JOIN section_member theirs ON theirs.section_id = s.id AND theirs.membership_id = ?3"
                        + " WHERE c.id = ?1 AND c.peer_comments = TRUE")
                .setParameter(1, viewer.courseId()).setParameter(2, viewer.membershipId())
                .setParameter(3, work.learnerId()).getResultList().isEmpty();
        return allowed && allows(viewer, Purpose.READ, work);
    }

    public boolean mayRead(Viewer viewer, StudentWork work) {
        return allows(viewer, Purpose.READ, work);
    }

    public boolean mayGrade(Viewer viewer, long learnerId) {
        return allows(viewer, Purpose.GRADE, StudentWork.workbookOf(learnerId));
    }

    /** Whether the viewer sets the course up: sections, roles, curriculum, activities. */
    public boolean mayManageCourse(Viewer viewer) {
        return viewer.isInstructor();
    }

    /** Staff of the course: they see the people of their scope and the course's grading. */
    public boolean isStaff(Viewer viewer) {
        return viewer.isStaff();
    }

    /** Whether the viewer may see this section and its people: instructors all, Fellows the ones they lead. */
    public boolean maySeeSection(Viewer viewer, long sectionId) {
        List<?> course = em.createNativeQuery("SELECT course_id FROM section WHERE id = ?1").setParameter(1, sectionId)
                .getResultList();
        if (course.isEmpty() || ((Number) course.get(0)).longValue() != viewer.courseId()) {
            return false;
        }
        return viewer.isInstructor() || (viewer.role().isStaff()
                && (viewer.fellowScope() == FellowScope.COURSE || viewer.sectionIds().contains(sectionId)));
    }

    /** The students this viewer sees, as a predicate over a {@code membership} alias. */
    public LearnerScope learners(Viewer viewer) {
        return LearnerScope.of(viewer);
    }

    /** The members this viewer sees in the course's roster, as a predicate over a {@code membership} alias. */
    public PeopleScope people(Viewer viewer) {
        return PeopleScope.of(viewer);
    }

    /**
     * Says that a page showed the viewer someone else's work, for the student's record of who read it. Reading
     * one's own work is not recorded.
     */
    public void opened(Viewer viewer, StudentWork work, String what) {
        if (work.learnerId() != viewer.membershipId()) {
            announce(new WorkOpened(viewer.membershipId(), viewer.courseId(), work.learnerId(), what,
                    clock.instant()));
        }
    }

    /** The rules features contribute; a test of the policy alone gives its own. */
    Stream<AccessGrant> grants() {
        return grants.stream();
    }

    void announce(WorkOpened event) {
        opened.fire(event);
    }
}
