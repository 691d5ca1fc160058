package org.organizingworkbench.web.workbook;

import org.junit.jupiter.api.Test;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumLoader;
import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.view.Templates;
import org.organizingworkbench.web.PageContext;
import org.organizingworkbench.workbook.Author;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Submission review shows the tool once (issue 9 §8): the work it loads is the exercise alone, not a second page. */
class ReviewedWorkTest {

    private final WorkbookPages pages = new WorkbookPages();
    private final Curriculum curriculum = CurriculumLoader.defaultCurriculum();
    private final Exercise exercise = curriculum.exercise("story-of-self").orElseThrow();
    private final WorkbookPages.Page page = new WorkbookPages.Page(Locale.ENGLISH, new Author(7, 1, 3, "Amara Okafor"),
            false, true, PageContext.bearerHeaders("t"), "INSTRUCTOR");

    ReviewedWorkTest() {
        pages.templates = new Templates();
    }

    @Test
    void theWorkAloneHasNoPageAroundIt() {
        String work = pages.exercise(page, curriculum, exercise, Map.of(), null, ExerciseOutcome.WORK_ONLY);
        assertEquals(0, count(work, "id=\"main\""), work);
        assertFalse(work.contains("<html") || work.contains("<header") || work.contains("<nav") || work.contains("<main"),
                "no banner, navigation or page: " + work);
        assertTrue(work.contains("data-exercise=\"story-of-self\""), "the learner's answers are there");
        assertFalse(work.contains("<h1"), "the review page keeps the one h1");
    }

    @Test
    void theFullExercisePageIsUnchanged() {
        String full = pages.exercise(page, curriculum, exercise, Map.of(), null, ExerciseOutcome.NONE);
        assertEquals(1, count(full, "id=\"main\""));
        assertTrue(full.contains("<h1>"), full);
        assertTrue(full.contains("class=\"breadcrumb\""));
    }

    @Test
    void theReviewPageLoadsTheWorkPart() {
        String review = new Templates().render("submission-review", Locale.ENGLISH, Map.of("authHeaders",
                PageContext.bearerHeaders("t"), "learnerName", "Amara Okafor", "exerciseTitle", "Story of self",
                "workUrl", SubmissionReviewPage.workUrl(7, "story-of-self"),
                "workPartUrl", SubmissionReviewPage.workUrl(7, "story-of-self") + "/work"));
        assertTrue(review.contains("hx-get=\"/app/learners/7/workbook/exercises/story-of-self/work\""), review);
        assertEquals(1, count(review, "id=\"main\""));
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
