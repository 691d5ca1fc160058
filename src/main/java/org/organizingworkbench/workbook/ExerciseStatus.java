package org.organizingworkbench.workbook;

import org.organizingworkbench.curriculum.Exercise;

import java.util.Map;

/** Where a student is with one exercise, as their workbook's overview shows it. */
public enum ExerciseStatus {
    NOT_STARTED,
    DRAFT,
    SUBMITTED,
    /** Submitted, then improved: the submission stays as it was, the draft is newer. */
    CHANGED_SINCE_SUBMITTED;

    public static ExerciseStatus of(Exercise exercise, Map<String, Answer> answers, Submission latest) {
        if (latest != null) {
            boolean changed = answers.values().stream()
                    .anyMatch(a -> a.revision() != latest.revisions().getOrDefault(a.fieldId(), 0));
            return changed ? CHANGED_SINCE_SUBMITTED : SUBMITTED;
        }
        boolean written = exercise.fields().stream()
                .anyMatch(f -> answers.containsKey(f.id()) && !AnswerValue.isBlank(answers.get(f.id()).value()));
        return written ? DRAFT : NOT_STARTED;
    }
}
