package org.organizingworkbench.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.organizingworkbench.coaching.FeedbackReleased;

/**
 * A score staff released on a student's exercise becomes the grade of every placed activity of that exercise
 * (a resource link with a line item), through {@link Grades#record}: kept and queued for the LMS as FullyGraded in
 * the release's own transaction. A student's later submission goes through {@link SubmissionScore}, which never
 * removes that grade.
 */
@ApplicationScoped
public class ReleasedFeedbackToGradebook {

    @Inject
    Grades grades;

    @PersistenceContext(unitName = "workbench")
    EntityManager em;

    void onReleased(@Observes(during = TransactionPhase.IN_PROGRESS) FeedbackReleased released) {
        if (em.createNativeQuery("SELECT id FROM membership WHERE course_id = ?1 AND person_id = ?2 AND active = TRUE"
                        + " AND role = 'LEARNER'").setParameter(1, released.courseId()).setParameter(2, released.personId())
                .getResultList().isEmpty()) {
            return; // only learners are scored: feedback for someone who left or became staff stays in the tool
        }
        for (Object link : em.createNativeQuery("SELECT id FROM resource_link WHERE course_id = ?1 AND exercise_id = ?2"
                        + " AND lineitem_url IS NOT NULL ORDER BY id")
                .setParameter(1, released.courseId()).setParameter(2, released.exerciseId()).getResultList()) {
            grades.record(released.courseId(), ((Number) link).longValue(), released.personId(), released.scoreGiven(),
                    released.scoreMaximum(), released.comment(), released.gradedBy(), released.submittedAt());
        }
    }
}
