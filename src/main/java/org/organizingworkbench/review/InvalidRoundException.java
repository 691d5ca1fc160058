package org.organizingworkbench.review;

/** Settings or an action a round cannot take; {@link #reason()} names it for the page's message. */
public class InvalidRoundException extends RuntimeException {

    private final String reason;

    public InvalidRoundException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
