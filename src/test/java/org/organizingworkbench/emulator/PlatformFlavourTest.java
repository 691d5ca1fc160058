package org.organizingworkbench.emulator;

import org.junit.jupiter.api.Test;
import org.organizingworkbench.lti.LisRole;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform rules the emulator enforces, as Moodle 4.3's scores.php and Canvas's scores_controller.rb apply them
 * (LTI.md §3.3, §3.4).
 */
class PlatformFlavourTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-23T19:29:25.300Z");
    private static final PlatformFlavour MOODLE = PlatformFlavour.MOODLE;
    private static final PlatformFlavour CANVAS = PlatformFlavour.CANVAS;

    private static PlatformFlavour.ScorePost graded(double score, Double maximum, OffsetDateTime at) {
        return new PlatformFlavour.ScorePost("5", score, maximum, "ok", at, "Completed", "FullyGraded", null);
    }

    private static PlatformFlavour.ScorePost pending(Double score, Double maximum, OffsetDateTime at, Map<String, Object> ext) {
        return new PlatformFlavour.ScorePost("5", score, maximum, null, at, "Submitted", "PendingManual", ext);
    }

    private static PlatformFlavour.Result take(PlatformFlavour flavour, PlatformFlavour.Result previous,
                                               PlatformFlavour.ScorePost post) {
        PlatformFlavour.ScoreAnswer answer = flavour.acceptScore(previous, post, 25, true, T);
        assertEquals(200, answer.status(), answer.body());
        return answer.stored();
    }

    @Test
    void moodleDropsAScoreUnlessFullyGradedSoAPendingScoreEmptiesTheGrade() {
        PlatformFlavour.Result graded = take(MOODLE, null, graded(22, 25.0, T));
        assertEquals(22.0, graded.grade());
        assertEquals("22", MOODLE.shows(graded));
        PlatformFlavour.Result emptied = take(MOODLE, graded, pending(22.0, 25.0, T.plusSeconds(5), null));
        assertNull(emptied.grade(), "issue 9 §1: the 22 is gone");
        assertEquals("-", MOODLE.shows(emptied), "and a pending submission shows nothing");
    }

    @Test
    void moodleRefusesAScoreInTheSameSecondOrEarlierWith409() {
        PlatformFlavour.Result graded = take(MOODLE, null, graded(22, 25.0, T));
        assertEquals(409, MOODLE.acceptScore(graded, graded(23, 25.0, T.plusNanos(500_000_000)), 25, true, T).status());
        assertEquals(409, MOODLE.acceptScore(graded, graded(23, 25.0, T.minusSeconds(3)), 25, true, T).status());
        assertEquals(200, MOODLE.acceptScore(graded, graded(23, 25.0, T.plusSeconds(1)), 25, true, T).status());
    }

    @Test
    void moodleHasNoTimestampToCompareAfterAScorelessSubmission() {
        PlatformFlavour.Result submitted = take(MOODLE, null, pending(null, null, T, null));
        assertEquals(200, MOODLE.acceptScore(submitted, graded(20, 25.0, T), 25, true, T).status());
    }

    @Test
    void moodleTakesAMissingMaximumAsOneAndRescalesToTheItem() {
        PlatformFlavour.Result fraction = take(MOODLE, null, graded(0.8, null, T));
        assertEquals(20.0, fraction.grade(), 1e-9, "0.8 of 1 on a 25-point item");
        PlatformFlavour.Result hundred = take(MOODLE, null, graded(88, 100.0, T));
        assertEquals(22.0, hundred.grade(), 1e-9);
    }

    @Test
    void moodleRefusesScoresOfUsersItCannotGradeWith400() {
        PlatformFlavour.ScoreAnswer teacher = MOODLE.acceptScore(null, graded(20, 25.0, T), 25, false, T);
        assertEquals(400, teacher.status());
        assertTrue(teacher.body().contains("Incorrect score received"));
        assertEquals(400, MOODLE.acceptScore(null, graded(20, 25.0, T), 25, null, T).status(), "an unknown user");
    }

    @Test
    void canvasKeepsAPendingScoreAndFlagsItForReview() {
        PlatformFlavour.Result graded = take(CANVAS, null, graded(22, 25.0, T));
        PlatformFlavour.Result resubmitted = take(CANVAS, graded, pending(22.0, 25.0, T.plusSeconds(5),
                Map.of("new_submission", true, "submitted_at", "2026-11-23T19:29:30.000Z")));
        assertEquals(22.0, resubmitted.grade());
        assertTrue(resubmitted.needsReview());
        assertEquals("22 (needs review)", CANVAS.shows(resubmitted));
        assertEquals("2026-11-23T19:29:30.000Z", resubmitted.submittedAt());
        assertEquals(2, resubmitted.attempts(), "the grade's score POST and the resubmission each open an attempt");
        PlatformFlavour.Result regraded = take(CANVAS, resubmitted, graded(24, 25.0, T.plusSeconds(9)));
        assertFalse(regraded.needsReview());
        assertEquals("24", CANVAS.shows(regraded));
    }

    @Test
    void canvasEmptiesTheScoreOfAPendingManualWithoutOne() {
        PlatformFlavour.Result graded = take(CANVAS, null, graded(22, 25.0, T));
        assertNull(take(CANVAS, graded, pending(null, null, T.plusSeconds(1), null)).grade(),
                "scores_controller: ignore_score? clears the submission's score");
    }

    @Test
    void canvasRefusesAnOlderTimestampWith400ButTakesTheSameOne() {
        PlatformFlavour.Result graded = take(CANVAS, null, graded(22, 25.0, T));
        PlatformFlavour.ScoreAnswer older = CANVAS.acceptScore(graded, graded(23, 25.0, T.minusNanos(1_000_000)), 25, true, T);
        assertEquals(400, older.status());
        assertTrue(older.body().contains("before last updated timestamp"), older.body());
        assertEquals(200, CANVAS.acceptScore(graded, graded(23, 25.0, T), 25, true, T).status());
    }

    @Test
    void canvasRefusesNonStudentsAndAScoreWithoutMaximumWith422() {
        assertEquals(422, CANVAS.acceptScore(null, graded(20, 25.0, T), 25, false, T).status());
        PlatformFlavour.ScoreAnswer noMaximum = CANVAS.acceptScore(null, graded(20, null, T), 25, true, T);
        assertEquals(422, noMaximum.status());
        assertTrue(noMaximum.body().contains("ScoreMaximum not supplied"));
    }

    @Test
    void canvasCountsNoNewAttemptWhenTheToolSaysSo() {
        PlatformFlavour.Result staffGrade = take(CANVAS, null, new PlatformFlavour.ScorePost("5", 20.0, 25.0, null, T,
                "Completed", "FullyGraded", Map.of("new_submission", false)));
        assertEquals(0, staffGrade.attempts());
    }

    @Test
    void moodleListsANonEditingTeacherAsLearnerButLaunchesThemAsInstructor() {
        assertEquals(List.of("Learner"), MOODLE.rosterRoles("NON_EDITING_TEACHER"));
        assertTrue(MOODLE.launchRoles("NON_EDITING_TEACHER").contains(LisRole.INSTRUCTOR));
        assertEquals(List.of("Instructor"), MOODLE.rosterRoles("INSTRUCTOR"), "Moodle's short role names");
        assertTrue(CANVAS.rosterRoles("LEARNER").contains(LisRole.LEARNER));
        assertFalse(PlatformFlavour.gradable("NON_EDITING_TEACHER"));
    }

    @Test
    void onlyCanvasKeepsDueDates() {
        assertTrue(CANVAS.keepsDueDates());
        assertFalse(MOODLE.keepsDueDates());
    }

    @Test
    void theCanvasDemoCourseHasNoNonEditingTeacher() {
        assertTrue(DemoCourse.load(MOODLE).member("demo-noneditor-1").isPresent());
        assertTrue(DemoCourse.load(CANVAS).member("demo-noneditor-1").isEmpty());
        assertTrue(!DemoCourse.load(CANVAS).contextId().equals(DemoCourse.load(MOODLE).contextId()));
    }
}
