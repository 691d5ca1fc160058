package org.organizingworkbench.workbook;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DueDateTest {

    private static final LocalDate DUE = LocalDate.of(2026, 10, 15);

    @Test
    void workIsOnTimeWhileTheDueDateLastsAnywhereOnEarth() {
        assertFalse(DueDate.isLate(DUE, Instant.parse("2026-10-15T23:59:00Z")));
        assertFalse(DueDate.isLate(DUE, Instant.parse("2026-10-16T11:59:59Z")), "still the 15th at UTC-12");
        assertTrue(DueDate.isLate(DUE, Instant.parse("2026-10-16T12:00:00Z")));
        assertFalse(DueDate.isLate(null, Instant.parse("2030-01-01T00:00:00Z")), "no due date, never late");
    }
}
