package org.organizingworkbench.web.curriculum;

import org.organizingworkbench.curriculum.ExerciseText;

import java.util.Map;

/** Copying an exercise (page {@code curriculum-copy}): which one, its title, and the new title in each language. */
public record CopyForm(String exerciseId, ExerciseText sourceTitle, Map<String, String> title) {
}
