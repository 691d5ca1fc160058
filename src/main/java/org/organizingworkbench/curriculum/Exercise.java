package org.organizingworkbench.curriculum;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One piece of work in a module. The id is stable across versions (work is stored against it), so an instructor
 * rewords, hides or moves an exercise without losing what students wrote. Grading hints are for staff only.
 * A visual, when present, is a diagram drawn from one of the exercise's tables.
 */
public record Exercise(String id, ExerciseKind kind, LocalizedText title, LocalizedText prompt,
                       LocalizedText guidance, LocalizedText example, List<Field> fields, LocalizedText gradingHints,
                       boolean graded, Double points, boolean hidden, LocalDate due, Visual visual) {

    public Exercise {
        fields = List.copyOf(fields);
    }

    public Optional<LocalizedText> exampleText() {
        return Optional.ofNullable(example);
    }

    public Optional<LocalizedText> gradingHintsText() {
        return Optional.ofNullable(gradingHints);
    }

    public Optional<LocalDate> dueDate() {
        return Optional.ofNullable(due);
    }

    /** The diagram this exercise draws from one of its tables, if it declares one. */
    public Optional<Visual> declaredVisual() {
        return Optional.ofNullable(visual);
    }

    public Optional<Field> field(String fieldId) {
        return fields.stream().filter(field -> field.id().equals(fieldId)).findFirst();
    }
}
