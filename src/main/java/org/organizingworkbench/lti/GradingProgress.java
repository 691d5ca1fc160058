package org.organizingworkbench.lti;

/**
 * Where grading of the score stands (AGS 2.0 §3.4.6). Platforms keep scoreGiven only for FullyGraded (Moodle) or
 * FullyGraded and PendingManual (Canvas).
 */
public enum GradingProgress {
    FULLY_GRADED("FullyGraded"),
    PENDING("Pending"),
    PENDING_MANUAL("PendingManual"),
    FAILED("Failed"),
    NOT_READY("NotReady");

    private final String jsonValue;

    GradingProgress(String jsonValue) {
        this.jsonValue = jsonValue;
    }

    /** The value as AGS writes it, e.g. "FullyGraded". */
    public String jsonValue() {
        return jsonValue;
    }
}
