package org.organizingworkbench.review;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The two grades of a round, as docs/peer-review.md writes them. */
class ReviewScoresTest {

    private static final Instant T = Instant.parse("2027-03-01T10:00:00Z");

    @Test
    void theWorkCountsSubmittingThePlanAndTheRevision() {
        assertEquals(48.0, ReviewScores.work(member(null, null), 80));
        assertEquals(64.0, ReviewScores.work(member("Sharpen the choice", null), 80));
        assertEquals(80.0, ReviewScores.work(member("Sharpen the choice", 2), 80));
    }

    @Test
    void theReviewingCountsCompletionAndHelpfulness() {
        assertEquals(20.0, ReviewScores.reviewing(List.of(review(AssignmentStatus.SUBMITTED, 5),
                review(AssignmentStatus.SUBMITTED, 5)), false, 20));
        assertEquals(10.0, ReviewScores.reviewing(List.of(review(AssignmentStatus.SUBMITTED, null),
                review(AssignmentStatus.MISSED, null)), false, 20), "half done, no rating: completion stands in");
        assertEquals(13.0, ReviewScores.reviewing(List.of(review(AssignmentStatus.SUBMITTED, 5),
                review(AssignmentStatus.MISSED, null), review(AssignmentStatus.WITHDRAWN, null)), false, 20),
                "(70 % × 1/2 + 30 % × 1) of 20; a piece taken back does not count");
        assertEquals(0.0, ReviewScores.reviewing(List.of(), false, 20), "handed nothing: nothing done");
        assertEquals(20.0, ReviewScores.reviewing(List.of(), true, 20), "excused with nothing handed: full");
    }

    private static RoundMember member(String plan, Integer revised) {
        return new RoundMember(1, 2, "Ana", null, 1, T, false, plan, revised);
    }

    private static Assignment review(AssignmentStatus status, Integer helpfulness) {
        return new Assignment(1, 1, 1, "story-of-self", 2, 3, 1, status, T, T, null, helpfulness, false, null);
    }
}
