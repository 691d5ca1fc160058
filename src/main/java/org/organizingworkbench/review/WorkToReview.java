package org.organizingworkbench.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.organizingworkbench.workbook.ExerciseSubmitted;

/**
 * Hands out work the moment a student submits an exercise that has a round, in the submission's own transaction:
 * the submitter's piece gets its reviewers and the submitter gets pieces to review, late or not.
 */
@ApplicationScoped
public class WorkToReview {

    @Inject
    ReviewRounds rounds;

    void onSubmitted(@Observes(during = TransactionPhase.IN_PROGRESS) ExerciseSubmitted submission) {
        rounds.submitted(submission.courseId(), submission.authorId(), submission.exerciseId(), submission.number(),
                submission.submittedAt());
    }
}
