package org.organizingworkbench.review;

import java.util.List;

/**
 * What a round is worth to each student, as written in docs/peer-review.md. The work: 60 % for submitting it, 20 %
 * for a revision plan, 20 % for revising after the reviews. The reviewing: 70 % completion (reviews handed in out
 * of pieces handed, a missed one counting nothing; pieces withdrawn by staff do not count) and 30 % helpfulness as
 * the authors rated it (1 → 0, 5 → full; without any rating, the completion share stands in).
 */
public final class ReviewScores {

    private ReviewScores() {
    }

    public static double work(RoundMember member, int weight) {
        double share = 0.6 + (member.revisionPlan() != null ? 0.2 : 0) + (member.revisedNumber() != null ? 0.2 : 0);
        return round(share * weight);
    }

    /** @param handed the reviewer's assignments in the round */
    public static double reviewing(List<Assignment> handed, boolean excused, int weight) {
        List<Assignment> counted = handed.stream().filter(a -> a.status() != AssignmentStatus.WITHDRAWN).toList();
        if (counted.isEmpty()) {
            return excused ? weight : 0;
        }
        double completion = counted.stream().filter(a -> a.status() == AssignmentStatus.SUBMITTED).count()
                / (double) counted.size();
        double helpfulness = counted.stream().filter(a -> a.helpfulness() != null)
                .mapToDouble(a -> (a.helpfulness() - 1) / 4.0).average().orElse(completion);
        return round((0.7 * completion + 0.3 * helpfulness) * weight);
    }

    private static double round(double points) {
        return Math.round(points * 100) / 100.0;
    }
}
