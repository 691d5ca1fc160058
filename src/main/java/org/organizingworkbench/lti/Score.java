package org.organizingworkbench.lti;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A score the tool posts for one user on one line item (AGS 2.0 §3.4). The timestamp is sent as ISO-8601 UTC with
 * milliseconds and "Z": platforms refuse a score older than the stored one (Canvas 400, Moodle 409, and Moodle
 * compares whole seconds), so the caller keeps timestamps increasing per user and line item. Extensions are sent as
 * given, e.g. Canvas's {@link #CANVAS_SUBMISSION}.
 *
 * @param scoreGiven   null to send no score; platforms keep it only when grading is FullyGraded
 *                     (Canvas also PendingManual)
 * @param scoreMaximum required with scoreGiven
 */
public record Score(String userId, Double scoreGiven, Double scoreMaximum, String comment, Instant timestamp,
                    ActivityProgress activityProgress, GradingProgress gradingProgress, Map<String, Object> extensions) {

    /** Canvas: {@code {"submitted_at": "…", "new_submission": …, …}}; submitted_at keeps late flags right. */
    public static final String CANVAS_SUBMISSION = "https://canvas.instructure.com/lti/submission";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public Score {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("AGS 2.0 §3.4: a score needs a userId");
        }
        if (timestamp == null || activityProgress == null || gradingProgress == null) {
            throw new IllegalArgumentException("AGS 2.0 §3.4: timestamp, activityProgress and gradingProgress are required");
        }
        if (scoreGiven != null && scoreMaximum == null) {
            throw new IllegalArgumentException("AGS 2.0 §3.4: scoreMaximum is required with scoreGiven (Canvas: 422)");
        }
        if ((scoreGiven != null && !(scoreGiven >= 0)) || (scoreMaximum != null && !(scoreMaximum >= 0))) {
            throw new IllegalArgumentException("AGS 2.0 §3.4: scoreGiven and scoreMaximum must be numbers ≥ 0");
        }
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** A finished, fully graded score: what a platform records as the grade. */
    public static Score graded(String userId, double scoreGiven, double scoreMaximum, Instant timestamp) {
        return new Score(userId, scoreGiven, scoreMaximum, null, timestamp, ActivityProgress.COMPLETED,
                GradingProgress.FULLY_GRADED, Map.of());
    }

    /** Progress without a grade, e.g. Submitted + PendingManual while a teacher still has to grade. */
    public static Score progress(String userId, Instant timestamp, ActivityProgress activity, GradingProgress grading) {
        return new Score(userId, null, null, null, timestamp, activity, grading, Map.of());
    }

    public Score withComment(String newComment) {
        return new Score(userId, scoreGiven, scoreMaximum, newComment, timestamp, activityProgress, gradingProgress, extensions);
    }

    public Score withExtension(String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(extensions);
        changed.put(name, value);
        return new Score(userId, scoreGiven, scoreMaximum, comment, timestamp, activityProgress, gradingProgress, changed);
    }

    /** Canvas's submitted_at, kept alongside other fields of its submission extension. */
    public Score withCanvasSubmittedAt(Instant submittedAt) {
        Map<String, Object> submission = new LinkedHashMap<>();
        if (extensions.get(CANVAS_SUBMISSION) instanceof Map<?, ?> existing) {
            existing.forEach((key, value) -> submission.put(String.valueOf(key), value));
        }
        submission.put("submitted_at", timestampText(submittedAt));
        return withExtension(CANVAS_SUBMISSION, submission);
    }

    /**
     * Canvas's submission extension: whether the score opens a new submission attempt, and when the learner
     * submitted (omitted when unknown). Other fields of the extension already present are kept.
     */
    public Score withCanvasSubmission(Instant submittedAt, boolean newSubmission) {
        Map<String, Object> submission = new LinkedHashMap<>();
        if (extensions.get(CANVAS_SUBMISSION) instanceof Map<?, ?> existing) {
            existing.forEach((key, value) -> submission.put(String.valueOf(key), value));
        }
        submission.put("new_submission", newSubmission);
        if (submittedAt != null) {
            submission.put("submitted_at", timestampText(submittedAt));
        }
        return withExtension(CANVAS_SUBMISSION, submission);
    }

    /** ISO-8601 UTC with exactly three fraction digits and "Z", e.g. 2026-11-23T19:29:25.000Z. */
    public static String timestampText(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("userId", userId);
        if (scoreGiven != null) {
            json.put("scoreGiven", JsonFields.jsonNumber(scoreGiven));
        }
        if (scoreMaximum != null) {
            json.put("scoreMaximum", JsonFields.jsonNumber(scoreMaximum));
        }
        if (comment != null) {
            json.put("comment", comment);
        }
        json.put("timestamp", timestampText(timestamp));
        json.put("activityProgress", activityProgress.jsonValue());
        json.put("gradingProgress", gradingProgress.jsonValue());
        extensions.forEach(json::putIfAbsent);
        return json;
    }
}
