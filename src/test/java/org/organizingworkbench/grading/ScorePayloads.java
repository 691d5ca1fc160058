package org.organizingworkbench.grading;

import org.organizingworkbench.lti.Score;

import java.time.Instant;

/**
 * For tests of other packages: the AGS score the worker would POST for an outbox row, as it builds it, and a
 * submission reported to a placed activity as the worker reports it.
 */
public final class ScorePayloads {

    private ScorePayloads() {
    }

    public static Score of(long id, String lineItemUrl, String userId, Double scoreGiven, double scoreMaximum,
                           String comment, String activity, String grading, Instant submittedAt, boolean canvas) {
        return GradeDeliveryWorker.score(new GradeDeliveries.Outgoing(id, 0, lineItemUrl, userId, scoreGiven,
                scoreMaximum, comment, activity, grading, Instant.now(), 0, submittedAt, false), canvas);
    }

    /** What the worker does with a learner's submission report for one placed line item (maximum 20). */
    public static SubmissionScore submissionReported(jakarta.persistence.EntityManager em, long courseId, long linkId,
                                                     String lineItemUrl, long personId, Instant submittedAt,
                                                     GradebookFlavour flavour) {
        Grades grades = new Grades();
        grades.em = em;
        return grades.applySubmission(courseId, linkId, lineItemUrl, personId, submittedAt, flavour, 20.0);
    }

    /** Grades on the test's entity manager, as the container would inject them. */
    public static Grades grades(jakarta.persistence.EntityManager em) {
        Grades grades = new Grades();
        grades.em = em;
        return grades;
    }

    /** Grading's observer of released feedback on the test's entity manager: what the container's event reaches. */
    public static java.util.function.Consumer<org.organizingworkbench.coaching.FeedbackReleased> gradebook(
            jakarta.persistence.EntityManager em) {
        ReleasedFeedbackToGradebook observer = new ReleasedFeedbackToGradebook();
        observer.em = em;
        observer.grades = grades(em);
        return observer::onReleased;
    }
}
