package org.organizingworkbench.export;

import java.time.Instant;
import java.util.Objects;

/** When a student submitted an exercise, and whether that was after its due date. No entry: not submitted. */
public record Submission(Instant submittedAt, boolean late) {

    public Submission {
        Objects.requireNonNull(submittedAt, "submittedAt");
    }
}
