package org.organizingworkbench.grading;

import org.junit.jupiter.api.Test;
import org.organizingworkbench.lti.LineItemResult;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What staff read when they compare their grades with the LMS gradebook. */
class GradebookComparisonTest {

    private static Grade grade(long personId, double score, double maximum) {
        return new Grade(personId * 10, personId, score, maximum, null, LocalDateTime.now(), null, null, null);
    }

    private static LineItemResult result(String userId, Double score, Double maximum) {
        return new LineItemResult(null, userId, score, maximum, null, null, null);
    }

    @Test
    void sameDifferentOrNonePerLearner() {
        Map<Long, GradebookComparison.Line> lines = GradebookComparison.compare(
                Map.of(1L, "s1", 2L, "s2", 3L, "s3", 4L, "s4", 5L, "s5"),
                Map.of(1L, grade(1, 85, 100), 2L, grade(2, 70, 100), 3L, grade(3, 90, 100)),
                List.of(result("s1", 85.0, 100.0), result("s2", 60.0, 100.0), result("s4", 12.0, 20.0),
                        result("s5", null, null), result("someone-else", 1.0, 1.0)));
        assertEquals(GradebookComparison.Match.SAME, lines.get(1L).match());
        assertEquals(GradebookComparison.Match.DIFFERENT, lines.get(2L).match());
        assertEquals(60.0, lines.get(2L).lmsScore(), "staff see what the LMS holds");
        assertEquals(GradebookComparison.Match.NONE, lines.get(3L).match(), "graded here, nothing in the LMS yet");
        assertEquals(GradebookComparison.Match.DIFFERENT, lines.get(4L).match(), "a score in the LMS the tool never gave");
        assertEquals(GradebookComparison.Match.NONE, lines.get(5L).match(), "a result without a score is no score");
        assertEquals(5, lines.size(), "only the learners asked about");
    }

    @Test
    void aScoreKeptOutOfAnotherMaximumIsComparedAsAFraction() {
        Map<Long, GradebookComparison.Line> lines = GradebookComparison.compare(Map.of(1L, "s1", 2L, "s2"),
                Map.of(1L, grade(1, 17, 20), 2L, grade(2, 17, 20)),
                List.of(result("s1", 85.0, 100.0), result("s2", 84.0, 100.0)));
        assertEquals(GradebookComparison.Match.SAME, lines.get(1L).match());
        assertEquals(GradebookComparison.Match.DIFFERENT, lines.get(2L).match());
    }
}
