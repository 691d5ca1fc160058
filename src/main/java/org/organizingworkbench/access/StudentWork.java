package org.organizingworkbench.access;

/**
 * A student's work a viewer asks about: the whole workbook of a learner (membership), or one exercise of it.
 *
 * @param exerciseId null for the whole workbook
 */
public record StudentWork(long learnerId, String exerciseId) {

    public static StudentWork workbookOf(long learnerId) {
        return new StudentWork(learnerId, null);
    }

    public static StudentWork exercise(long learnerId, String exerciseId) {
        return new StudentWork(learnerId, exerciseId);
    }
}
