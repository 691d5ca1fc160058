package org.organizingworkbench.web.workbook;

import java.util.List;

/**
 * What the exercise page says about the student's last action (a restore, a submission), and whether it is drawn
 * whole or only the work (what submission review loads into its own page).
 *
 * @param notice    a message key under {@code exercise.}, or null
 * @param noticeArg its argument (a revision or submission number)
 * @param problem   a message key under {@code workbook.error.}, or null
 * @param missing   the labels of required fields left empty, when the problem is that
 */
public record ExerciseOutcome(String notice, Object noticeArg, String problem, List<String> missing, boolean workOnly) {

    public static final ExerciseOutcome NONE = new ExerciseOutcome(null, null, null, List.of(), false);
    public static final ExerciseOutcome WORK_ONLY = new ExerciseOutcome(null, null, null, List.of(), true);

    public static ExerciseOutcome notice(String key, Object argument) {
        return new ExerciseOutcome(key, argument, null, List.of(), false);
    }

    public static ExerciseOutcome problem(String key, List<String> missing) {
        return new ExerciseOutcome(null, null, key, List.copyOf(missing), false);
    }
}
