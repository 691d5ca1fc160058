package org.organizingworkbench.curriculum;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A course chooses its languages; optional texts need no translation; a text rewritten in one language marks the
 * others out of date until they are rewritten or confirmed.
 */
class CourseLanguagesTest {

    private static final CurriculumFiles SHIPPED = CurriculumLoader.classpathFiles(CurriculumLoader.DEFAULT_FOLDER);
    private static final String LOG = "one-to-one-log";

    @Test
    void anEnglishOnlyCourseIsValidAndAddsAnOptionalExampleWithoutSpanish() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        draft.chooseLanguages(List.of("en"));
        assertEquals(List.of(), CurriculumValidator.validate(draft.files()));
        assertTrue(draft.files().toJson().contains("\"en\""));
        assertFalse(draft.files().toJson().contains("\"es\""), "no Spanish text is left in the new version");

        draft.reword(LOG, "example", Map.of("en", "Met Rosa from the tenants' association; she will host a house meeting."));
        draft.reword(LOG, "prompt", Map.of("en", "Hold three one-to-ones this week and log each one."));
        assertEquals(List.of(), CurriculumValidator.validate(draft.files()));
        Exercise log = exercise(draft, LOG);
        assertEquals("Hold three one-to-ones this week and log each one.", log.prompt().in("es", "en"),
                "a Spanish-speaking student reads the main language");
        assertEquals(0, draft.outOfDateCount(LOG), "with one language nothing can be out of date");
    }

    @Test
    void anOptionalTextNeedsNoTranslationInATwoLanguageCourse() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        draft.reword(LOG, "gradingHints", Map.of("en", "Look for a specific ask with a date.", "es", ""));
        assertEquals(List.of(), CurriculumValidator.validate(draft.files()));
        assertEquals("Look for a specific ask with a date.", exercise(draft, LOG).gradingHints().in("es", "en"));
        draft.reword(LOG, "gradingHints", Map.of("en", "Look for a specific ask with a date.", "es", "Busca un pedido."));
        draft.reword(LOG, "gradingHints", Map.of("en", "Look for a specific ask, with a date.", "es", "Busca un pedido."));
        assertEquals(Set.of("es"), text(draft, "gradingHints").outOfDate());
        draft.reword(LOG, "gradingHints", Map.of("en", "Look for a specific ask, with a date.", "es", ""));
        assertEquals(List.of(), CurriculumValidator.validate(draft.files()), "emptying the out-of-date language drops its mark");
        draft.reword(LOG, "title", Map.of("en", "One-to-one log", "es", ""));
        assertEquals(1, CurriculumValidator.validate(draft.files()).size(), "a required text still needs every language");
    }

    @Test
    void rewordingTheEnglishPromptMarksTheSpanishOneOutOfDateUntilItIsRewrittenOrConfirmed() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        String spanish = exercise(draft, LOG).prompt().in("es").orElseThrow();
        draft.reword(LOG, "prompt", Map.of("en", "Hold three one-to-ones this week and log each one.", "es", spanish));
        assertEquals(List.of(), CurriculumValidator.validate(draft.files()), "an out-of-date mark is valid content");
        assertEquals(Set.of("es"), text(draft, "prompt").outOfDate());
        assertEquals(1, draft.outOfDateCount(LOG));
        assertEquals(spanish, exercise(draft, LOG).prompt().in("es").orElseThrow(), "the old Spanish text is kept meanwhile");

        CurriculumDraft saved = CurriculumDraft.of(draft.files());
        assertEquals(Set.of("es"), text(saved, "prompt").outOfDate(), "the mark is stored with the version");
        saved.reword(LOG, "guidance", Map.of("en", exercise(saved, LOG).guidance().in("en").orElseThrow(),
                "es", exercise(saved, LOG).guidance().in("es").orElseThrow()));
        assertEquals(Set.of("es"), text(saved, "prompt").outOfDate(), "saving other texts unchanged keeps the mark");

        saved.reword(LOG, "prompt", Map.of("en", "Hold three one-to-ones this week and log each one.",
                "es", "Ten tres reuniones individuales esta semana y registra cada una."));
        assertEquals(Set.of(), text(saved, "prompt").outOfDate(), "a new translation clears it");

        draft.confirmTranslation(LOG, "prompt", "es");
        assertEquals(Set.of(), text(draft, "prompt").outOfDate(), "or the instructor says it still says the same");
        assertEquals(SHIPPED.toJson().contains("outOfDate"), false);
    }

    @Test
    void addingALanguageCopiesRequiredTextsMarkedOutOfDateAndLeavesOptionalOnesOut() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        draft.chooseLanguages(List.of("es"));
        draft.chooseLanguages(List.of("es", "en"));
        assertEquals(List.of(), CurriculumValidator.validate(draft.files()));
        assertEquals(List.of("es", "en"), CurriculumLoader.validated(draft.files(), "draft").languages());
        ExerciseText title = text(draft, "title");
        assertEquals(title.value("es"), title.value("en"), "copied from the main language");
        assertEquals(Set.of("en"), title.outOfDate());
        assertTrue(text(draft, "example").value("en").isEmpty(), "optional texts need no translation");
    }

    @Test
    void fieldsAreAddedAndRemovedAndARemovedIdIsNeverGivenAgain() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        String id = draft.addField("story-of-self", "longText", Map.of("en", "Who heard it", "es", "Quién la escuchó"));
        assertEquals("who-heard-it", id);
        assertEquals(List.of(), CurriculumValidator.validate(draft.files()));
        draft.removeField("story-of-self", id);
        assertEquals(List.of(), CurriculumValidator.validate(draft.files()));
        assertFalse(draft.fieldIds("story-of-self").contains(id));
        assertEquals("who-heard-it-2", draft.addField("story-of-self", "shortText",
                Map.of("en", "Who heard it", "es", "Quién la escuchó")), "answers under the old id stay the old field's");
    }

    @Test
    void anInstructorWritesANewExerciseAndSeesWhatChangedWordByWord() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        String id = draft.addExercise("organization", "exercise", Map.of(
                "title", Map.of("en", "Our founding meeting", "es", "Nuestra reunión fundacional"),
                "prompt", Map.of("en", "Plan the meeting that founds the organization.", "es", "Planifica la reunión que funda la organización."),
                "guidance", Map.of("en", "Say who decides what.", "es", "Di quién decide qué."),
                "label", Map.of("en", "The plan", "es", "El plan")));
        assertEquals("our-founding-meeting", id);
        assertEquals(List.of(), CurriculumValidator.validate(draft.files()));
        draft.reword(LOG, "prompt", Map.of("en", "Hold three one-to-ones and log each one."));

        List<CurriculumChanges.ExerciseChange> changes = CurriculumChanges.between(
                CurriculumLoader.validated(SHIPPED, "shipped"), CurriculumLoader.validated(draft.files(), "draft"));
        assertEquals(CurriculumChanges.Status.CHANGED, changes.stream().filter(c -> c.exerciseId().equals(LOG))
                .findFirst().orElseThrow().status());
        assertEquals(CurriculumChanges.Status.ADDED, changes.stream().filter(c -> c.exerciseId().equals(id))
                .findFirst().orElseThrow().status());
        assertEquals(2, changes.size(), "nothing else differs: " + changes);
    }

    private static Exercise exercise(CurriculumDraft draft, String id) {
        return CurriculumLoader.validated(draft.files(), "draft").exercise(id).orElseThrow();
    }

    private static ExerciseText text(CurriculumDraft draft, String slot) {
        return draft.texts(LOG).stream().filter(t -> t.slot().equals(slot)).findFirst().orElseThrow();
    }
}
