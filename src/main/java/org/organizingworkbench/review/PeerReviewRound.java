package org.organizingworkbench.review;

import java.time.Instant;

/**
 * Peer review on one workbook exercise of a course.
 *
 * @param releasedAt when authors may read their reviews (null: not yet)
 */
public record PeerReviewRound(long id, long courseId, String exerciseId, RoundSettings settings, Instant releasedAt) {

    public boolean released() {
        return releasedAt != null;
    }
}
