package org.organizingworkbench.web.curriculum;

import org.organizingworkbench.curriculum.ExerciseText;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The texts of one exercise in every language of the course, as a form shows them, with the problems the last save
 * found, each tied to its input ({@code invalid}: the ids of inputs to mark).
 */
public record ExerciseTexts(String exerciseId, List<ExerciseText> texts, List<String> languages,
                            Map<String, String> languageNames, List<CurriculumEditorPages.Problem> problems,
                            Set<String> invalid) {
}
