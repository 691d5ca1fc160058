package org.organizingworkbench.web.curriculum;

import org.junit.jupiter.api.Test;
import org.organizingworkbench.curriculum.CurriculumDraft;
import org.organizingworkbench.curriculum.CurriculumLoader;
import org.organizingworkbench.curriculum.CurriculumValidator;
import org.organizingworkbench.web.curriculum.CurriculumEditorPages.Problem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A refused save points the instructor at the very input to correct, in the language to correct. */
class CurriculumEditorProblemsTest {

    @Test
    void eachProblemOfTheEditedExerciseIsTiedToItsInputAndLanguage() {
        CurriculumDraft draft = CurriculumDraft.of(CurriculumLoader.classpathFiles(CurriculumLoader.DEFAULT_FOLDER));
        draft.reword("one-to-one-log", "prompt", Map.of("en", "Log your meetings.", "es", ""));
        draft.reword("one-to-one-log", "fields[0].columns[1].label", Map.of("en", "", "es", "Persona"));
        draft.due("one-to-one-log", "next friday");

        List<Problem> problems = CurriculumEditorPages.problems(draft.place("one-to-one-log"),
                draft.texts("one-to-one-log"), CurriculumValidator.validate(draft.files())).stream()
                .sorted(Comparator.comparing(Problem::inputId)).toList();

        int column = draft.texts("one-to-one-log").stream().map(t -> t.slot()).toList()
                .indexOf("fields[0].columns[1].label");
        assertEquals(List.of("due", "t1-es", "t" + column + "-en"), problems.stream().map(Problem::inputId).toList());
        assertEquals("due", problems.get(0).setting());
        assertEquals("prompt", problems.get(1).text().key());
        assertEquals("es", problems.get(1).language());
        assertEquals("fields[0].columns[1].label", problems.get(2).text().slot());
        assertEquals("person", problems.get(2).text().fieldId());
    }
}
