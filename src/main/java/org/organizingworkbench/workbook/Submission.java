package org.organizingworkbench.workbook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * An exercise handed in for grading: the revision of each field at that moment, frozen. Later saves are drafts
 * and do not change it; submitting again makes the next one.
 *
 * @param due the exercise's due date at the time, if it had one
 */
public record Submission(String exerciseId, int number, Map<String, Integer> revisions, Instant submittedAt,
                         LocalDate due, boolean late) {

    public Submission {
        revisions = Map.copyOf(revisions);
    }
}
