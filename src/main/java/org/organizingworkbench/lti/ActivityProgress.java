package org.organizingworkbench.lti;

/** The learner's progress on the activity, as a score reports it (AGS 2.0 §3.4.5). */
public enum ActivityProgress {
    INITIALIZED("Initialized"),
    STARTED("Started"),
    IN_PROGRESS("InProgress"),
    SUBMITTED("Submitted"),
    COMPLETED("Completed");

    private final String jsonValue;

    ActivityProgress(String jsonValue) {
        this.jsonValue = jsonValue;
    }

    /** The value as AGS writes it, e.g. "InProgress". */
    public String jsonValue() {
        return jsonValue;
    }
}
