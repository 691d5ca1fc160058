package org.organizingworkbench.curriculum;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultCurriculumTest {

    static final Curriculum DEFAULT = CurriculumLoader.defaultCurriculum();

    @Test
    void validatesWithoutProblems() {
        assertEquals(List.of(), CurriculumValidator.validate(CurriculumLoader.classpathFiles(CurriculumLoader.DEFAULT_FOLDER)));
    }

    @Test
    void hasModulesZeroToNineInOrder() {
        assertEquals(IntStream.rangeClosed(0, 9).boxed().toList(), DEFAULT.modules().stream().map(Module::number).toList());
    }

    @Test
    void isInEnglishAndSpanishWithCredit() {
        assertEquals(List.of("en", "es"), DEFAULT.languages());
        assertEquals("Based on the organizing framework of Marshall Ganz", DEFAULT.credit().in("en").orElseThrow());
    }

    @Test
    void everyExercisePromptHasEnglishAndSpanishText() {
        DEFAULT.exercises().forEach(exercise -> {
            assertFalse(exercise.prompt().in("en").orElse("").isBlank(), exercise.id() + " en");
            assertFalse(exercise.prompt().in("es").orElse("").isBlank(), exercise.id() + " es");
        });
    }

    @Test
    void exerciseIdsAreUnique() {
        Set<String> seen = new HashSet<>();
        DEFAULT.exercises().forEach(exercise -> assertTrue(seen.add(exercise.id()), "duplicate " + exercise.id()));
    }

    @Test
    void everyModuleAsksForAReflection() {
        DEFAULT.modules().forEach(module -> assertTrue(module.exercises().stream()
                .anyMatch(exercise -> exercise.kind() == ExerciseKind.REFLECTION), "module " + module.number()));
    }

    @Test
    void expressesTheCourseTools() {
        Field log = field("one-to-one-log", "meetings");
        assertEquals(FieldType.TABLE, log.type());
        assertEquals(List.of("date", "person", "kind", "purpose", "interests-values", "resources", "commitment-asked",
                "commitment-made", "follow-up"), log.columns().stream().map(Field::id).toList());
        assertEquals(FieldType.PERSON, log.columns().get(1).type());
        assertEquals(8.0, field("one-to-one-log", "meetings-held").target());
        assertTrue(field("team-charter", "members").columns().stream().anyMatch(column -> column.id().equals("develops")));
        assertEquals(List.of("if", "then", "because"), fieldIds("theory-of-change"));
        assertEquals(List.of("who", "what", "how", "when"), fieldIds("organizing-sentence"));
        assertEquals(FieldType.NUMBER, field("action-results", "results").columns().get(2).type());
        assertEquals(ExerciseKind.WRAP_UP, DEFAULT.exercise("three-tests").orElseThrow().kind());
    }

    @Test
    void structuredToolsDrawTheirDiagrams() {
        Visual snowflake = DEFAULT.exercise("team-charter").orElseThrow().declaredVisual().orElseThrow();
        assertEquals(VisualKind.SNOWFLAKE, snowflake.kind());
        assertEquals("developed-by", snowflake.column("link").orElseThrow());
        assertEquals(VisualKind.TIMELINE, DEFAULT.exercise("campaign-timeline").orElseThrow().declaredVisual().orElseThrow().kind());
        assertTrue(DEFAULT.exercise("action-plan").orElseThrow().declaredVisual().orElseThrow().column("actual").isEmpty());
        assertEquals("actual", DEFAULT.exercise("action-results").orElseThrow().declaredVisual().orElseThrow()
                .column("actual").orElseThrow());
    }

    @Test
    void gradedExercisesCarryPointsAndStaffHints() {
        DEFAULT.exercises().filter(Exercise::graded).forEach(exercise -> {
            assertTrue(exercise.points() != null && exercise.points() > 0, exercise.id());
            assertTrue(exercise.gradingHintsText().isPresent(), exercise.id());
        });
    }

    private static Field field(String exerciseId, String fieldId) {
        return DEFAULT.exercise(exerciseId).orElseThrow().fields().stream()
                .filter(field -> field.id().equals(fieldId)).findFirst().orElseThrow();
    }

    private static List<String> fieldIds(String exerciseId) {
        return DEFAULT.exercise(exerciseId).orElseThrow().fields().stream().map(Field::id).toList();
    }
}
