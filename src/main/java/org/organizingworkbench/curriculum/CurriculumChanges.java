package org.organizingworkbench.curriculum;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What changed from one version of a curriculum to another, exercise by exercise: exercises added or removed, and
 * each text, field and setting that differs. Exercises are matched by id, which never changes, so a reworded or
 * moved exercise is the same exercise.
 */
public final class CurriculumChanges {

    /** How an exercise fared between the two versions. */
    public enum Status { ADDED, REMOVED, CHANGED }

    /**
     * One text that differs.
     *
     * @param key title, prompt, guidance, example, gradingHints, label or help
     * @param fieldId the field the text belongs to; null for the exercise's own texts
     * @param before null when the text was not there
     * @param after null when the text was removed
     */
    public record TextChange(String key, String fieldId, LocalizedText before, LocalizedText after) {
    }

    /**
     * One exercise that is not the same in both versions.
     *
     * @param settings the names of the settings that differ: hidden, due, graded, points, kind
     */
    public record ExerciseChange(String exerciseId, LocalizedText title, Status status, List<TextChange> texts,
                                 List<String> fieldsAdded, List<String> fieldsRemoved, List<String> settings) {
    }

    private CurriculumChanges() {
    }

    public static List<ExerciseChange> between(Curriculum before, Curriculum after) {
        Set<String> ids = new LinkedHashSet<>();
        after.exercises().forEach(exercise -> ids.add(exercise.id()));
        before.exercises().forEach(exercise -> ids.add(exercise.id()));
        List<ExerciseChange> changes = new ArrayList<>();
        for (String id : ids) {
            Optional<Exercise> old = before.exercise(id);
            Optional<Exercise> now = after.exercise(id);
            if (old.isEmpty()) {
                changes.add(new ExerciseChange(id, now.get().title(), Status.ADDED, List.of(), List.of(), List.of(), List.of()));
            } else if (now.isEmpty()) {
                changes.add(new ExerciseChange(id, old.get().title(), Status.REMOVED, List.of(), List.of(), List.of(), List.of()));
            } else {
                changed(old.get(), now.get()).ifPresent(changes::add);
            }
        }
        return changes;
    }

    private static Optional<ExerciseChange> changed(Exercise old, Exercise now) {
        List<TextChange> texts = new ArrayList<>();
        text(texts, "title", null, old.title(), now.title());
        text(texts, "prompt", null, old.prompt(), now.prompt());
        text(texts, "guidance", null, old.guidance(), now.guidance());
        text(texts, "example", null, old.example(), now.example());
        text(texts, "gradingHints", null, old.gradingHints(), now.gradingHints());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Field field : now.fields()) {
            Optional<Field> earlier = old.field(field.id());
            if (earlier.isEmpty()) {
                added.add(field.id());
            } else {
                text(texts, "label", field.id(), earlier.get().label(), field.label());
                text(texts, "help", field.id(), earlier.get().help(), field.help());
            }
        }
        old.fields().stream().filter(field -> now.field(field.id()).isEmpty()).forEach(field -> removed.add(field.id()));
        List<String> settings = new ArrayList<>();
        setting(settings, "kind", old, now, Exercise::kind);
        setting(settings, "hidden", old, now, Exercise::hidden);
        setting(settings, "due", old, now, Exercise::due);
        setting(settings, "graded", old, now, Exercise::graded);
        setting(settings, "points", old, now, Exercise::points);
        if (texts.isEmpty() && added.isEmpty() && removed.isEmpty() && settings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ExerciseChange(now.id(), now.title(), Status.CHANGED, texts, added, removed, settings));
    }

    private static void text(List<TextChange> changes, String key, String fieldId, LocalizedText before, LocalizedText after) {
        Map<String, String> old = before == null ? Map.of() : before.texts();
        Map<String, String> now = after == null ? Map.of() : after.texts();
        if (!old.equals(now)) {
            changes.add(new TextChange(key, fieldId, before, after));
        }
    }

    private static void setting(List<String> settings, String name, Exercise old, Exercise now, Function<Exercise, Object> value) {
        if (!Objects.equals(value.apply(old), value.apply(now))) {
            settings.add(name);
        }
    }
}
