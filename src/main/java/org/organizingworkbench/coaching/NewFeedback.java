package org.organizingworkbench.coaching;

import java.time.Instant;

/** Released feedback a student has not opened yet, for their home page ("new feedback from Jordan"). */
public record NewFeedback(String exerciseId, String authorName, Instant releasedAt) {
}
