package org.organizingworkbench.curriculum;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A whole curriculum, validated: its modules in course order, every text in each of its languages. */
public record Curriculum(String id, int version, List<String> languages, LocalizedText title, LocalizedText credit,
                         List<Module> modules) {

    public Curriculum {
        languages = List.copyOf(languages);
        modules = List.copyOf(modules);
    }

    public Stream<Exercise> exercises() {
        return modules.stream().flatMap(module -> module.exercises().stream());
    }

    public Optional<Exercise> exercise(String exerciseId) {
        return exercises().filter(exercise -> exercise.id().equals(exerciseId)).findFirst();
    }

    /** The first declared language: the one shown when a text is wanted in a language the curriculum lacks. */
    public String defaultLanguage() {
        return languages.get(0);
    }
}
