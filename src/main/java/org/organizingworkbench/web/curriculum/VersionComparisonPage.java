package org.organizingworkbench.web.curriculum;

import org.organizingworkbench.web.curriculum.CurriculumEditorPages.ExerciseDiff;
import org.organizingworkbench.web.curriculum.CurriculumEditorPages.Notice;

import java.util.List;

/** What changed from version {@code from} to version {@code to} of the course's curriculum, exercise by exercise. */
public record VersionComparisonPage(String authHeaders, int version, long base, Notice notice, int from, int to,
                                    List<ExerciseDiff> changes) {
}
