package org.organizingworkbench.curriculum;

import java.util.Arrays;
import java.util.Optional;

/** What an exercise asks of the student. */
public enum ExerciseKind {
    /** Produce part of the project: a canvas, a story, a log, a plan. */
    EXERCISE("exercise"),
    /** A reflection paper: what happened, what I learned, what I will do differently. */
    REFLECTION("reflection"),
    /** Practise a skill with others (tell a story, hold a one-to-one) and note what came of it. */
    SKILL_PRACTICE("skillPractice"),
    /** The end of the course: the three wrap-up tests. */
    WRAP_UP("wrapUp");

    private final String jsonName;

    ExerciseKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<ExerciseKind> fromJson(String name) {
        return Arrays.stream(values()).filter(kind -> kind.jsonName.equals(name)).findFirst();
    }
}
