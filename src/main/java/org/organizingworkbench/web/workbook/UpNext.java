package org.organizingworkbench.web.workbook;

import org.organizingworkbench.curriculum.Deadline;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What a student could do next: of the exercises not submitted yet, the one due soonest, else the first in the course. */
public final class UpNext {

    private UpNext() {
    }

    /** @param lines the student's exercises in course order; empty when every one is submitted */
    public static Optional<WorkbookPages.ExerciseLine> of(List<WorkbookPages.ExerciseLine> lines, Instant now) {
        List<WorkbookPages.ExerciseLine> open = lines.stream().filter(l -> l.submittedAt() == null && !l.hidden()).toList();
        return open.stream().filter(l -> l.due() != null && Deadline.after(l.due()).isAfter(now))
                .min(Comparator.comparing(WorkbookPages.ExerciseLine::due))
                .or(() -> open.stream().findFirst());
    }
}
