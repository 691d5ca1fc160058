package org.organizingworkbench.workbook;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When work is late. A due date has no time or time zone in the curriculum, and students of one course live in
 * many; so a date is over only when it is over everywhere on Earth (the end of the day at UTC−12, "anywhere on
 * Earth"), and nobody is marked late while it is still the due date where they are.
 */
public final class DueDate {

    private static final ZoneOffset ANYWHERE_ON_EARTH = ZoneOffset.ofHours(-12);

    private DueDate() {
    }

    public static boolean isLate(LocalDate due, Instant submittedAt) {
        return due != null && !submittedAt.isBefore(due.plusDays(1).atStartOfDay(ANYWHERE_ON_EARTH).toInstant());
    }
}
