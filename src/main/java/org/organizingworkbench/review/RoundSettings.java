package org.organizingworkbench.review;

import java.time.Duration;
import java.time.Instant;

/**
 * How a round runs. {@link #defaults} is what most instructors keep: two reviewers per piece, anyone in the course,
 * anonymous to peers (staff always see who wrote what), reviews due a week after the round opens, 48 hours for
 * whoever is handed a piece later, the work counting 80 points and the reviewing 20.
 *
 * @param graceHours   how long a reviewer handed a piece after (or near) the due time has for it
 * @param workLinkId   the placed activity the work's grade goes to (null: none)
 * @param reviewLinkId the placed activity the reviewing's grade goes to (null: none)
 */
public record RoundSettings(int reviewersPerPiece, ReviewScope scope, boolean anonymous, Instant reviewsDue,
                            int graceHours, int workWeight, int reviewWeight, Long workLinkId, Long reviewLinkId) {

    public static final int MAX_REVIEWERS = 6;

    public RoundSettings {
        if (reviewersPerPiece < 1 || reviewersPerPiece > MAX_REVIEWERS) {
            throw new InvalidRoundException("reviewers");
        }
        if (graceHours < 1 || graceHours > 24 * 30) {
            throw new InvalidRoundException("grace");
        }
        if (workWeight < 0 || reviewWeight < 0 || workWeight + reviewWeight == 0 || workWeight > 1000 || reviewWeight > 1000) {
            throw new InvalidRoundException("weights");
        }
        if (scope == null || reviewsDue == null) {
            throw new InvalidRoundException("missing");
        }
    }

    public static RoundSettings defaults(Instant now) {
        return new RoundSettings(2, ReviewScope.COURSE, true, now.plus(Duration.ofDays(7)), 48, 80, 20, null, null);
    }

    /** When a piece handed out now is due: the round's due time, or the grace period for a late hand-out. */
    public Instant dueFor(Instant handedAt) {
        Instant grace = handedAt.plus(Duration.ofHours(graceHours));
        return grace.isAfter(reviewsDue) ? grace : reviewsDue;
    }
}
