package org.organizingworkbench.web.workbook;

import java.util.List;

/**
 * The workbook's overview (page {@code workbook}): the modules shown (all, or the one chosen), every module one click
 * away, what is due next (the student's own workbook only) and how far the student is.
 */
public record WorkbookOverview(List<WorkbookPages.ModuleView> modules, List<WorkbookPages.ModuleView> moduleIndex, boolean onlyModule,
                               WorkbookPages.ExerciseLine upNext, String curriculumTitle, long exerciseCount, long startedCount,
                               long submittedCount) {
}
