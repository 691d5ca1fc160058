package org.organizingworkbench.grading;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A learner's submission never changes or removes a grade the LMS shows (issue 9 §1), per platform. */
class SubmissionScoreTest {

    private static final Instant GRADED = Instant.parse("2026-11-23T19:00:00Z");
    private static final Instant LATER = GRADED.plusSeconds(600);
    private static final Instant EARLIER = GRADED.minusSeconds(600);

    @Test
    void aFirstSubmissionIsSubmittedPendingManualWithoutAScoreOnEveryPlatform() {
        for (GradebookFlavour flavour : GradebookFlavour.values()) {
            assertInstanceOf(SubmissionScore.AwaitingGrade.class, SubmissionScore.after(flavour, null, null, LATER), flavour.name());
        }
    }

    @Test
    void aResubmissionAfterAGradeTellsMoodleNothingSoItsGradebookKeepsTheGrade() {
        SubmissionScore moodle = SubmissionScore.after(GradebookFlavour.MOODLE, 22.0, GRADED, LATER);
        SubmissionScore.Nothing nothing = assertInstanceOf(SubmissionScore.Nothing.class, moodle);
        assertTrue(nothing.newerWorkWaits(), "the grader sees the newer work waiting in the tool");
    }

    @Test
    void anUnknownPlatformIsTreatedLikeMoodle() {
        assertInstanceOf(SubmissionScore.Nothing.class, SubmissionScore.after(GradebookFlavour.OTHER, 22.0, GRADED, LATER));
    }

    @Test
    void aResubmissionAfterAGradeKeepsTheScoreInCanvasPendingReview() {
        assertInstanceOf(SubmissionScore.KeepingScore.class, SubmissionScore.after(GradebookFlavour.CANVAS, 22.0, GRADED, LATER));
    }

    @Test
    void aSubmissionReportedAfterTheGraderAlreadyGradedItChangesNothing() {
        for (GradebookFlavour flavour : GradebookFlavour.values()) {
            SubmissionScore late = SubmissionScore.after(flavour, 22.0, GRADED, EARLIER);
            assertTrue(late instanceof SubmissionScore.Nothing n && !n.newerWorkWaits(), flavour.name());
        }
    }

    @Test
    void theFlavourFollowsThePlatform() {
        assertEquals(GradebookFlavour.CANVAS, GradebookFlavour.of(true, null));
        assertEquals(GradebookFlavour.MOODLE, GradebookFlavour.of(false, "Moodle"));
        assertEquals(GradebookFlavour.OTHER, GradebookFlavour.of(false, "sakai"));
        assertEquals(GradebookFlavour.OTHER, GradebookFlavour.of(false, null));
        assertTrue(GradebookFlavour.CANVAS.keepsScoreWhilePending());
        assertTrue(!GradebookFlavour.MOODLE.keepsScoreWhilePending() && !GradebookFlavour.OTHER.keepsScoreWhilePending());
    }

    @Test
    void onlyAnActiveLearnerIsEverScored() {
        assertNull(GradeDeliveries.notLearner("LEARNER", true));
        assertEquals(GradeDeliveries.REFUSED_BY_TOOL + "staff", GradeDeliveries.notLearner("TEACHING_ASSISTANT", true));
        assertEquals(GradeDeliveries.REFUSED_BY_TOOL + "staff", GradeDeliveries.notLearner("INSTRUCTOR", 1));
        assertEquals(GradeDeliveries.REFUSED_BY_TOOL + "inactive", GradeDeliveries.notLearner("LEARNER", false));
        assertEquals(GradeDeliveries.REFUSED_BY_TOOL + "not-member", GradeDeliveries.notLearner(null, null));
    }

    @Test
    void aGradeTellsWhetherNewerWorkWaitsAndReadsOnTheLineItemsScale() {
        java.time.LocalDateTime graded = java.time.LocalDateTime.of(2026, 11, 23, 19, 0);
        Grade resubmitted = new Grade(1, 2, 22.0, 25, null, graded, null, graded.plusMinutes(5), graded);
        assertTrue(resubmitted.newerWorkWaits());
        Grade before = new Grade(1, 2, 22.0, 25, null, graded, null, graded.minusMinutes(5), graded);
        assertTrue(!before.newerWorkWaits());
        assertEquals(22.0, resubmitted.scoreOutOf(25));
        assertEquals(88.0, resubmitted.scoreOutOf(100), "22/25 shown on a 100-point line item");
    }
}
