package org.organizingworkbench.coaching;

/** Feedback, a reply or a note that cannot be kept as sent; {@link #reason()} names why for the page. */
public class InvalidFeedbackException extends RuntimeException {

    private final String reason;

    public InvalidFeedbackException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
