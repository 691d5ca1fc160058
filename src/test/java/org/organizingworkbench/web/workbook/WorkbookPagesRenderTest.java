package org.organizingworkbench.web.workbook;

import org.junit.jupiter.api.Test;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumLoader;
import org.organizingworkbench.view.Templates;
import org.organizingworkbench.web.PageContext;
import org.organizingworkbench.workbook.Author;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workbook's pages as a student sees them: the way through the course, the snowflake's choice, honest buttons. */
class WorkbookPagesRenderTest {

    private final WorkbookPages pages = new WorkbookPages();
    private final Curriculum curriculum = CurriculumLoader.defaultCurriculum();
    private final WorkbookPages.Page student = new WorkbookPages.Page(Locale.ENGLISH, new Author(7, 1, 3, "Amara Okafor"),
            true, false, PageContext.bearerHeaders("t"), "LEARNER");

    WorkbookPagesRenderTest() {
        pages.templates = new Templates();
    }

    @Test
    void theOverviewSaysWhatIsNextAndReachesEveryModuleInOneClick() {
        String page = pages.overview(student, curriculum, Map.of(), Map.of());
        assertTrue(page.contains("id=\"up-next\""), page);
        assertTrue(page.contains("href=\"/app/workbook?module=6\""), "a module is one click away");
        assertEquals(1, count(page, ">Reflection paper: testing my strategy<"), "titles tell the reflection papers apart");
        assertEquals(1, count(page, "class=\"pdf-form\""), "one download form, with its choice");
        assertTrue(page.contains("name=\"answered\""), page);
    }

    @Test
    void theTeamsDevelopedByIsChosenFromTheTeamAndUngradedPracticeIsHandedIn() {
        String charter = pages.exercise(student, curriculum, curriculum.exercise("team-charter").orElseThrow(), Map.of(),
                null, ExerciseOutcome.NONE);
        assertTrue(charter.contains("<select id=\"f-members-0-developed-by\""), charter);
        assertTrue(charter.contains("data-pick-from=\"member\""), charter);
        assertTrue(charter.contains(">Submit for grading<"), "graded");
        assertTrue(charter.contains("name=\"exercise\" value=\"team-charter\""), "this exercise alone as PDF");
        assertEquals(1, count(charter, "class=\"pdf-form\""));
        String practice = pages.exercise(student, curriculum, curriculum.exercise("team-launch").orElseThrow(), Map.of(),
                null, ExerciseOutcome.NONE);
        assertFalse(practice.contains("Submit for grading"), "ungraded practice");
        assertTrue(practice.contains(">Hand it in<"), practice);
    }

    @Test
    void anInstructorReadingAnExerciseCanStartAPeerReviewRoundOnItAndAStudentCannot() {
        WorkbookPages.Page instructor = new WorkbookPages.Page(Locale.ENGLISH, new Author(7, 1, 3, "Amara Okafor"),
                false, true, PageContext.bearerHeaders("t"), "INSTRUCTOR");
        String staffView = pages.exercise(instructor, curriculum, curriculum.exercise("story-of-self").orElseThrow(),
                Map.of(), null, ExerciseOutcome.NONE);
        assertTrue(staffView.contains("href=\"/app/reviews/exercises/story-of-self\""), staffView);
        assertTrue(staffView.contains(">Start a peer review round on this exercise<"));
        String own = pages.exercise(student, curriculum, curriculum.exercise("story-of-self").orElseThrow(), Map.of(),
                null, ExerciseOutcome.NONE);
        assertFalse(own.contains("/app/reviews/exercises/"), "not for a student");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
