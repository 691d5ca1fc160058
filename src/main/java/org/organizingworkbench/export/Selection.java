package org.organizingworkbench.export;

import org.organizingworkbench.workbook.AnswerValue;
import org.organizingworkbench.curriculum.Exercise;

/**
 * Which exercises of a workbook a document holds: every visible one, or one exercise, and whether exercises the
 * student has not answered at all are left out.
 *
 * @param exercise     the one exercise's id, or null for all of them
 * @param answeredOnly leave out exercises with no answered field
 */
public record Selection(String exercise, boolean answeredOnly) {

    public static final Selection ALL = new Selection(null, false);

    boolean holds(Exercise candidate, WorkbookDocument document) {
        if (candidate.hidden() || exercise != null && !exercise.equals(candidate.id())) {
            return false;
        }
        return !answeredOnly || document.answersTo(candidate.id()).values().stream().anyMatch(value -> !AnswerValue.isBlank(value));
    }
}
