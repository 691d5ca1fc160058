package org.organizingworkbench.curriculum;

/** A course now uses another curriculum version: titles, points and due dates may have changed. */
public record CourseCurriculumMoved(long courseId) {
}
