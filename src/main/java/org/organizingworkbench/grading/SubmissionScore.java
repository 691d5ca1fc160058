package org.organizingworkbench.grading;

import java.time.Instant;

/**
 * What a placed activity's line item is told when the learner submits the exercise. A learner's action never
 * removes or changes a grade the LMS shows: once the learner has a grade, Moodle (and any platform not known to
 * keep a pending score) is told nothing, and Canvas gets the same score again, pending review.
 */
public sealed interface SubmissionScore {

    /**
     * Tell the LMS nothing.
     *
     * @param newerWorkWaits whether the submission is newer than the grade, so the tool shows it waiting for the grader
     */
    record Nothing(boolean newerWorkWaits, String why) implements SubmissionScore {
    }

    /** Submitted and PendingManual, no score: the learner has no grade yet. */
    record AwaitingGrade() implements SubmissionScore {
    }

    /** Submitted and PendingManual with the grade's score, which Canvas keeps and flags for review. */
    record KeepingScore() implements SubmissionScore {
    }

    /**
     * @param scoreGiven  the learner's grade on the link, null when none was given
     * @param gradedAt    when staff gave it, null when unknown
     * @param submittedAt when the learner submitted
     */
    static SubmissionScore after(GradebookFlavour flavour, Double scoreGiven, Instant gradedAt, Instant submittedAt) {
        if (scoreGiven == null) {
            return new AwaitingGrade();
        }
        if (gradedAt != null && !submittedAt.isAfter(gradedAt)) {
            return new Nothing(false, "graded after this submission");
        }
        if (flavour.keepsScoreWhilePending()) {
            return new KeepingScore();
        }
        return new Nothing(true, "the LMS would drop the grade's score: it keeps a score only when fully graded");
    }
}
