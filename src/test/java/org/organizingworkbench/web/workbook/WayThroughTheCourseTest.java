package org.organizingworkbench.web.workbook;

import org.junit.jupiter.api.Test;
import org.organizingworkbench.curriculum.Curriculum;
import org.organizingworkbench.curriculum.CurriculumLoader;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unique exercise titles, and what a student could do next. */
class WayThroughTheCourseTest {

    private static final Curriculum COURSE = CurriculumLoader.defaultCurriculum();
    private static final Instant NOW = Instant.parse("2027-02-10T12:00:00Z");

    @Test
    void everyExerciseHasATitleOfItsOwnInEachLanguage() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
            ExerciseTitles titles = ExerciseTitles.of(COURSE, locale);
            Set<String> seen = new HashSet<>();
            COURSE.exercises().forEach(e -> assertTrue(seen.add(titles.of(e)), "twice: " + titles.of(e)));
        }
        ExerciseTitles english = ExerciseTitles.of(COURSE, Locale.ENGLISH);
        var story = COURSE.exercise("story-of-self").orElseThrow();
        assertEquals(story.title().in("en", "en"), english.of(story), "a unique title stays");
        assertTrue(english.of(COURSE.exercise("strategy-reflection").orElseThrow()).startsWith("Reflection paper: "),
                "a shared title says its module");
    }

    @Test
    void theExerciseDueSoonestComesNextThenTheFirstNotSubmitted() {
        var done = line("a", null, Instant.parse("2027-01-01T00:00:00Z"));
        var first = line("b", null, null);
        var later = line("c", LocalDate.parse("2027-03-01"), null);
        var sooner = line("d", LocalDate.parse("2027-02-15"), null);
        var past = line("e", LocalDate.parse("2027-02-01"), null);
        assertEquals("d", UpNext.of(List.of(done, first, later, sooner, past), NOW).orElseThrow().id());
        assertEquals("b", UpNext.of(List.of(done, first, past), NOW).orElseThrow().id(), "nothing due ahead");
        assertTrue(UpNext.of(List.of(done), NOW).isEmpty(), "all submitted");
    }

    private static WorkbookPages.ExerciseLine line(String id, LocalDate due, Instant submittedAt) {
        return new WorkbookPages.ExerciseLine(id, id, "EXERCISE", "NOT_STARTED", due, false, submittedAt, false);
    }
}
