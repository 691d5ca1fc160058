package org.organizingworkbench.web.workbook;

import org.organizingworkbench.curriculum.Exercise;
import org.organizingworkbench.workbook.Submission;

import java.time.LocalDate;
import java.util.List;

/**
 * An exercise's page (page {@code exercise}, or its {@code work} fragment): the exercise's texts in the reader's
 * language, its fields with the answers, its status and latest submission, and the outcome of the last action.
 * {@code gradingHints} only for staff; {@code submittedAt} is a {@code <time>} element.
 */
public record ExerciseView(Exercise exercise, String module, String title, String prompt, String guidance,
                           String example, String gradingHints, List<WorkbookPages.FieldView> fields, String status,
                           Submission submission, String submittedAt, LocalDate due, String notice, Object noticeArg,
                           String problem, List<String> missing, boolean workOnly) {
}
