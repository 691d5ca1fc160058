package org.organizingworkbench.grading;

import org.organizingworkbench.lti.LineItemResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reconciliation: for each learner, whether the LMS gradebook (AGS results) holds the grade the tool keeps, another
 * score, or none. A score the LMS keeps out of another maximum is compared as the same fraction.
 */
public final class GradebookComparison {

    /** What the LMS holds for a learner, compared with the tool's grade. */
    public enum Match { SAME, DIFFERENT, NONE }

    /** @param lmsScore and lmsMaximum what the LMS holds; null when it holds no score */
    public record Line(Match match, Double lmsScore, Double lmsMaximum) {
    }

    /** Scores closer than this count as equal: platforms round (Canvas to two decimals). */
    private static final double TOLERANCE = 0.005;

    private GradebookComparison() {
    }

    /**
     * @param subjects the learners to compare, platform subject (the AGS userId) by person id
     * @param grades   the tool's grades on the link by person id
     * @param results  the line item's results as the LMS returned them
     * @return a line for every learner of {@code subjects}
     */
    public static Map<Long, Line> compare(Map<Long, String> subjects, Map<Long, Grade> grades, List<LineItemResult> results) {
        Map<String, LineItemResult> bySubject = new HashMap<>();
        for (LineItemResult result : results) {
            if (result.userId() != null) {
                bySubject.put(result.userId(), result);
            }
        }
        Map<Long, Line> lines = new HashMap<>();
        subjects.forEach((personId, subject) -> lines.put(personId, line(grades.get(personId), bySubject.get(subject))));
        return lines;
    }

    private static Line line(Grade grade, LineItemResult result) {
        if (result == null || result.resultScore() == null) {
            return new Line(Match.NONE, null, null);
        }
        Match match = grade != null && grade.scoreGiven() != null && Math.abs(scaled(result, grade.scoreMaximum()) - grade.scoreGiven()) < TOLERANCE
                ? Match.SAME : Match.DIFFERENT;
        return new Line(match, result.resultScore(), result.resultMaximum());
    }

    private static double scaled(LineItemResult result, double toMaximum) {
        Double maximum = result.resultMaximum();
        return maximum == null || !(maximum > 0) ? result.resultScore() : result.resultScore() * toMaximum / maximum;
    }
}
