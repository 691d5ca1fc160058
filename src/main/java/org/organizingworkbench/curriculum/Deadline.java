package org.organizingworkbench.curriculum;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The moment a due date ends. A due date has no time or time zone in the curriculum, and students of one course live
 * in many; so a date is over only when it is over everywhere on Earth (the end of the day at UTC−12, "anywhere on
 * Earth"). The LMS is given the same moment, so its late flags agree with the tool's.
 */
public final class Deadline {

    private static final ZoneOffset ANYWHERE_ON_EARTH = ZoneOffset.ofHours(-12);

    private Deadline() {
    }

    /** The first instant after the due date everywhere: work submitted at or after it is late. */
    public static Instant after(LocalDate due) {
        return due.plusDays(1).atStartOfDay(ANYWHERE_ON_EARTH).toInstant();
    }

    /** The last whole second of the due date anywhere on Earth, as an LMS shows a deadline (23:59:59 at UTC−12). */
    public static Instant lastSecond(LocalDate due) {
        return after(due).minusSeconds(1);
    }
}
