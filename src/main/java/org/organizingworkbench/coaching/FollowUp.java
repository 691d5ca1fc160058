package org.organizingworkbench.coaching;

import java.time.LocalDate;

/** A coaching follow-up that is due (its date is today or past and nobody marked it done). */
public record FollowUp(long noteId, long learnerId, String learnerName, String commitment, LocalDate dueOn,
                       boolean confirmed) {
}
