package org.organizingworkbench.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.organizingworkbench.access.AccessGrant;
import org.organizingworkbench.access.Purpose;
import org.organizingworkbench.access.StudentWork;
import org.organizingworkbench.access.Viewer;

/**
 * "Assigned to review this piece": a reviewer may read, and comment on, the exercise of the author they were
 * handed in a round of their course, while the piece is theirs (assigned or reviewed). Never the whole workbook,
 * never grading; the page shows the submitted revision only.
 */
@ApplicationScoped
public class ReviewGrant implements AccessGrant {

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    @Override
    public boolean allows(Viewer viewer, Purpose purpose, StudentWork work) {
        if (work.exerciseId() == null || (purpose != Purpose.READ && purpose != Purpose.COMMENT)) {
            return false;
        }
        return !em.createNativeQuery("SELECT 1 FROM review_assignment a JOIN review_round r ON r.id = a.round_id"
                        + " WHERE r.course_id = ?1 AND r.exercise_id = ?2 AND a.reviewer_id = ?3 AND a.author_id = ?4"
                        + " AND a.status IN ('ASSIGNED', 'SUBMITTED')")
                .setParameter(1, viewer.courseId()).setParameter(2, work.exerciseId())
                .setParameter(3, viewer.membershipId()).setParameter(4, work.learnerId()).getResultList().isEmpty();
    }
}
