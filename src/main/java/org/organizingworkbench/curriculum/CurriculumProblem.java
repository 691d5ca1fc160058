package org.organizingworkbench.curriculum;

/** One thing wrong in a curriculum: the file, the place in it ({@code $.exercises[2].fields[1].type}) and what. */
public record CurriculumProblem(String file, String path, String message) {

    @Override
    public String toString() {
        return file + ": " + path + ": " + message;
    }
}
