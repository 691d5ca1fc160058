package org.organizingworkbench.curriculum;

/**
 * Where an exercise is in a curriculum's files: the module file and the JSON path of the exercise
 * ({@code $.exercises[2]}), as {@link CurriculumProblem} names places.
 */
public record ExercisePlace(String file, String path) {

    /** What follows the exercise's path in a problem found inside it ({@code prompt.es}), or null if elsewhere. */
    public String within(CurriculumProblem problem) {
        if (!file.equals(problem.file())) {
            return null;
        }
        if (problem.path().equals(path)) {
            return "";
        }
        return problem.path().startsWith(path + ".") ? problem.path().substring(path.length() + 1) : null;
    }
}
