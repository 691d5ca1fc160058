package org.organizingworkbench.curriculum;

/** No exercise with this id in the curriculum. */
public class UnknownExerciseException extends RuntimeException {

    public UnknownExerciseException(String exerciseId) {
        super("No exercise " + exerciseId + " in this curriculum");
    }
}
