package org.organizingworkbench.web.curriculum;

import org.organizingworkbench.curriculum.ExerciseSettings;

import java.util.List;

/**
 * An exercise's form (page {@code curriculum-exercise}), beside its texts: its settings (due date, points, hidden),
 * its top-level fields to add to or remove from, the field types a new field may have, and the texts grouped by part.
 */
public record ExerciseForm(ExerciseSettings settings, List<CurriculumEditorPages.FieldLine> fields,
                           List<String> fieldTypes, List<CurriculumEditorPages.TextGroup> groups) {
}
