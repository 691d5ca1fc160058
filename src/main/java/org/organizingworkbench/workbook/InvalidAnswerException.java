package org.organizingworkbench.workbook;

/**
 * A value that does not fit its field (wrong shape, too long), or a submission that misses required answers. The
 * {@link #reason()} is a key of the workbook's message bundle; the student's text is never dropped because of it.
 */
public class InvalidAnswerException extends RuntimeException {

    private final String reason;

    public InvalidAnswerException(String reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
