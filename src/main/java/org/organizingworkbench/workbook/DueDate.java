package org.organizingworkbench.workbook;

import org.organizingworkbench.curriculum.Deadline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When work is late: at or after the due date's {@link Deadline}, so nobody is marked late while it is still the due
 * date where they are.
 */
public final class DueDate {

    private DueDate() {
    }

    public static boolean isLate(LocalDate due, Instant submittedAt) {
        return due != null && !submittedAt.isBefore(Deadline.after(due));
    }
}
