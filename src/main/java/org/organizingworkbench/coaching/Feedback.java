package org.organizingworkbench.coaching;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Staff's feedback on one student's exercise: a score on the line item's scale (none for written feedback alone),
 * the written feedback, the rubric levels chosen, and the conversation under it. The student sees it once released.
 *
 * @param submissionNumber the submission it was given on, null when given on a draft
 * @param releasedAt       null while it is a draft only staff see
 */
public record Feedback(long id, long learnerId, String exerciseId, Long authorId, String authorName, Double scoreGiven,
                       Double scoreMaximum, String body, Map<String, String> rubric, Integer submissionNumber,
                       Instant gradedAt, Instant releasedAt, Instant seenAt, List<Reply> replies) {

    public Feedback {
        rubric = Map.copyOf(rubric);
        replies = List.copyOf(replies);
    }

    public boolean released() {
        return releasedAt != null;
    }

    /** Released and not opened by the student since. */
    public boolean unseen() {
        return releasedAt != null && (seenAt == null || seenAt.isBefore(releasedAt));
    }

    /** One answer in the conversation under the feedback. */
    public record Reply(long id, Long authorId, String authorName, String body, Instant at) {
    }
}
