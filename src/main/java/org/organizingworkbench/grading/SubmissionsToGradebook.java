package org.organizingworkbench.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.organizingworkbench.workbook.ExerciseSubmitted;

/**
 * An exercise placed in the LMS as a graded activity tells its gradebook column that work waits for the Teaching
 * Fellow (issue 4 §4), in the submission's own transaction: a submission is never kept without its delivery.
 */
@ApplicationScoped
public class SubmissionsToGradebook {

    @Inject
    Grades grades;

    void onSubmitted(@Observes(during = TransactionPhase.IN_PROGRESS) ExerciseSubmitted submission) {
        grades.recordSubmission(submission.courseId(), submission.exerciseId(), submission.personId(),
                submission.submittedAt());
    }
}
