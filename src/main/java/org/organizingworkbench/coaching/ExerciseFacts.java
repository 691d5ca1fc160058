package org.organizingworkbench.coaching;

import java.time.Instant;

/**
 * What the dashboard knows of one student's exercise, read in one query for the whole section.
 *
 * @param lastSaved     null when nothing was saved
 * @param lastSubmitted null when never submitted
 * @param comments      staff comments on passages of it
 */
public record ExerciseFacts(Instant lastSaved, Instant lastSubmitted, boolean lateSubmission, boolean feedbackDrafted,
                            boolean feedbackReleased, boolean scored, int comments) {

    public static final ExerciseFacts NONE = new ExerciseFacts(null, null, false, false, false, false, 0);

    ExerciseFacts saved(Instant at) {
        return new ExerciseFacts(at, lastSubmitted, lateSubmission, feedbackDrafted, feedbackReleased, scored, comments);
    }

    ExerciseFacts submitted(Instant at, boolean late) {
        return new ExerciseFacts(lastSaved, at, late, feedbackDrafted, feedbackReleased, scored, comments);
    }

    ExerciseFacts feedback(boolean released, boolean withScore) {
        return new ExerciseFacts(lastSaved, lastSubmitted, lateSubmission, !released, released, withScore, comments);
    }

    ExerciseFacts commented(int count) {
        return new ExerciseFacts(lastSaved, lastSubmitted, lateSubmission, feedbackDrafted, feedbackReleased, scored, count);
    }

    /** The latest thing the student did on it. */
    Instant lastActivity() {
        if (lastSaved == null) {
            return lastSubmitted;
        }
        return lastSubmitted == null || lastSaved.isAfter(lastSubmitted) ? lastSaved : lastSubmitted;
    }
}
