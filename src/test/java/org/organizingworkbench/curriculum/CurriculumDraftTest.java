package org.organizingworkbench.curriculum;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The instructor's edits on a stored curriculum: each one changes what students see, and nothing else. */
class CurriculumDraftTest {

    private static final CurriculumFiles SHIPPED = CurriculumLoader.classpathFiles(CurriculumLoader.DEFAULT_FOLDER);
    private static final String RELATIONSHIPS = "module-04-relationships.json";

    @Test
    void openingAndSavingWithoutAnEditGivesTheSameContentSoNoVersionIsAdded() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        assertEquals(SHIPPED.toJson(), draft.files().toJson());
        draft.reword("one-to-one-log", "prompt", Map.of("en", exercise(SHIPPED, "one-to-one-log").prompt().in("en").orElseThrow(),
                "es", exercise(SHIPPED, "one-to-one-log").prompt().in("es").orElseThrow()));
        draft.hide("one-to-one-log", false);
        draft.grading("one-to-one-log", true, "20");
        assertEquals(SHIPPED.toJson(), draft.files().toJson(), "the form sent back unchanged changes nothing");
    }

    @Test
    void rewordingAPromptInOneLanguageKeepsTheOtherAndTheExerciseId() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        draft.reword("one-to-one-log", "prompt", "en", "Meet three people this week and log each meeting.");
        Exercise edited = exercise(draft.files(), "one-to-one-log");
        assertEquals("Meet three people this week and log each meeting.", edited.prompt().in("en").orElseThrow());
        assertEquals(exercise(SHIPPED, "one-to-one-log").prompt().in("es"), edited.prompt().in("es"));
        assertEquals(exercise(SHIPPED, "one-to-one-log").fields(), edited.fields());
    }

    @Test
    void translatingAFieldLabelAndHelpOfATableColumn() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        ExerciseText column = draft.texts("recruitment-plan").stream()
                .filter(t -> t.slot().equals("fields[0].columns[1].help")).findFirst().orElseThrow();
        assertEquals("help", column.key());
        assertFalse(column.required());
        draft.reword("recruitment-plan", column.slot(), Map.of("en", "Why this person?", "es", "¿Por qué esta persona?"));
        Field why = exercise(draft.files(), "recruitment-plan").fields().get(0).columns().get(1);
        assertEquals("¿Por qué esta persona?", why.help().in("es").orElseThrow());
    }

    @Test
    void everyTextIsOfferedInEveryLanguageIncludingOptionalOnesNotWrittenYet() {
        List<ExerciseText> texts = CurriculumDraft.of(SHIPPED).texts("one-to-one-log");
        List<String> slots = texts.stream().map(ExerciseText::slot).toList();
        assertEquals(List.of("title", "prompt", "guidance", "example", "gradingHints"), slots.subList(0, 5));
        assertTrue(slots.contains("fields[0].columns[2].options[0].label"), "choice options can be translated: " + slots);
        assertTrue(texts.stream().allMatch(t -> t.values().keySet().equals(java.util.Set.of("en", "es"))));
    }

    @Test
    void emptyingAnOptionalTextInEveryLanguageRemovesIt() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        draft.reword("one-to-one-log", "example", Map.of("en", " ", "es", ""));
        assertTrue(exercise(draft.files(), "one-to-one-log").exampleText().isEmpty());
        assertTrue(CurriculumValidator.validate(draft.files()).isEmpty());
    }

    @Test
    void hidingAndShowingAgainGivesBackTheSameContent() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        draft.hide("one-to-one-practice", true);
        assertTrue(exercise(draft.files(), "one-to-one-practice").hidden());
        draft.hide("one-to-one-practice", false);
        assertFalse(exercise(draft.files(), "one-to-one-practice").hidden());
        assertEquals(SHIPPED.toJson(), draft.files().toJson());
    }

    @Test
    void movingAnExerciseReordersItWithinItsModuleOnly() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        draft.move("one-to-one-log", 1);
        assertEquals(List.of("recruitment-plan", "one-to-one-practice", "one-to-one-log", "relationships-reflection"),
                ids(draft, 4));
        draft.move("recruitment-plan", -1);
        assertEquals("recruitment-plan", ids(draft, 4).get(0), "the first one cannot go further up");
        draft.move("relationships-reflection", 1);
        assertEquals("relationships-reflection", ids(draft, 4).get(3), "the last one cannot go further down");
        draft.move("one-to-one-log", -1);
        assertEquals(SHIPPED.toJson(), draft.files().toJson());
    }

    @Test
    void settingAndClearingADueDate() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        draft.due("one-to-one-log", "2027-03-15");
        assertEquals(LocalDate.of(2027, 3, 15), exercise(draft.files(), "one-to-one-log").due());
        assertEquals("2027-03-15", draft.settings("one-to-one-log").due());
        draft.due("one-to-one-log", "");
        assertTrue(exercise(draft.files(), "one-to-one-log").dueDate().isEmpty());
    }

    @Test
    void gradedFlagAndPoints() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        draft.grading("one-to-one-practice", true, "15");
        Exercise graded = exercise(draft.files(), "one-to-one-practice");
        assertTrue(graded.graded());
        assertEquals(15.0, graded.points());
        assertEquals("15", draft.settings("one-to-one-practice").points());
        draft.grading("one-to-one-log", false, "20");
        Exercise ungraded = exercise(draft.files(), "one-to-one-log");
        assertFalse(ungraded.graded());
        assertEquals(null, ungraded.points(), "an ungraded exercise has no points");
    }

    @Test
    void aCopyGetsANewKebabCaseIdThatIsUniqueAndComesRightAfterTheOriginal() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        String id = draft.addCopy("one-to-one-log", Map.of("en", "One-to-one log", "es", "Registro de reuniones"));
        assertEquals("one-to-one-log-2", id, "the title's id is taken, so a number is added");
        String second = draft.addCopy("one-to-one-log", Map.of("en", "Reflexión: ¿Qué aprendí?", "es", "Reflexión"));
        assertEquals("reflexion-que-aprendi", second);
        Curriculum curriculum = CurriculumLoader.validated(draft.files(), "draft");
        assertEquals(List.of("recruitment-plan", "one-to-one-log", "reflexion-que-aprendi", "one-to-one-log-2",
                "one-to-one-practice", "relationships-reflection"), ids(draft, 4));
        Exercise copy = curriculum.exercise("one-to-one-log-2").orElseThrow();
        assertEquals("Registro de reuniones", copy.title().in("es").orElseThrow());
        assertEquals(exercise(SHIPPED, "one-to-one-log").fields(), copy.fields());
        assertEquals(exercise(SHIPPED, "one-to-one-log").prompt(), copy.prompt());
    }

    @Test
    void keysTheEditorDoesNotKnowAreKeptUntouched() throws Exception {
        Map<String, Object> visual = Map.of("kind", "snowflake", "levels", List.of(1L, 3L, 9L));
        CurriculumFiles withVisual = withKey(SHIPPED, RELATIONSHIPS, "one-to-one-log", "visual", visual);
        CurriculumDraft draft = CurriculumDraft.of(withVisual);
        draft.reword("one-to-one-log", "title", "en", "My one-to-ones");
        draft.reword("one-to-one-log", "fields[0].label", "es", "Reuniones");
        draft.hide("one-to-one-log", true);
        draft.due("one-to-one-log", "2027-01-10");
        draft.grading("one-to-one-log", true, "25");
        draft.move("one-to-one-log", 1);
        String copy = draft.addCopy("one-to-one-log", Map.of("en", "Second round", "es", "Segunda ronda"));
        Map<String, Object> module = JSONObjectUtils.parse(draft.files().file(RELATIONSHIPS).orElseThrow());
        assertEquals(visual, normalised(exerciseJson(module, "one-to-one-log").get("visual")));
        assertEquals(visual, normalised(exerciseJson(module, copy).get("visual")), "the copy keeps it too");
    }

    @Test
    void aTextEmptiedInOneLanguageIsRefusedAndTheProblemNamesThatTextAndLanguage() {
        CurriculumDraft draft = CurriculumDraft.of(SHIPPED);
        draft.reword("one-to-one-log", "fields[0].label", Map.of("en", "Meetings", "es", "  "));
        draft.grading("one-to-one-log", true, "many");
        List<CurriculumProblem> problems = CurriculumValidator.validate(draft.files());
        ExercisePlace place = draft.place("one-to-one-log");
        assertEquals(new ExercisePlace(RELATIONSHIPS, "$.exercises[1]"), place);
        List<String> within = problems.stream().map(place::within).sorted().toList();
        assertEquals(List.of("fields[0].label.es", "points"), within, problems.toString());
        ExerciseText label = draft.texts("one-to-one-log").stream().filter(t -> t.isAt(within.get(0)))
                .findFirst().orElseThrow();
        assertEquals("fields[0].label", label.slot());
        assertEquals("  ", label.value("es"), "what the instructor typed is still there to correct");
        assertEquals("many", draft.settings("one-to-one-log").points());
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static Exercise exercise(CurriculumFiles files, String id) {
        return CurriculumLoader.validated(files, "test").exercise(id).orElseThrow();
    }

    private static List<String> ids(CurriculumDraft draft, int module) {
        return CurriculumLoader.validated(draft.files(), "test").modules().get(module).exercises().stream()
                .map(Exercise::id).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> exerciseJson(Map<String, Object> module, String id) {
        return ((List<Object>) module.get("exercises")).stream().map(e -> (Map<String, Object>) e)
                .filter(e -> id.equals(e.get("id"))).findFirst().orElseThrow();
    }

    private static CurriculumFiles withKey(CurriculumFiles files, String file, String exerciseId, String key,
                                           Object value) throws Exception {
        Map<String, Object> module = JSONObjectUtils.parse(files.file(file).orElseThrow());
        exerciseJson(module, exerciseId).put(key, value);
        Map<String, String> changed = new HashMap<>(files.files());
        changed.put(file, JSONObjectUtils.toJSONString(module));
        return new CurriculumFiles(changed);
    }

    private static Object normalised(Object json) {
        if (json instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalised(v)));
            return copy;
        }
        if (json instanceof List<?> list) {
            return list.stream().map(CurriculumDraftTest::normalised).toList();
        }
        return json;
    }
}
