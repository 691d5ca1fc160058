package org.organizingworkbench.workbook;

import java.util.List;

/**
 * A value that does not fit its field (wrong shape, too long), or a submission that misses required answers. The
 * {@link #reason()} is a key of the workbook's message bundle; the student's text is never dropped because of it.
 */
public class InvalidAnswerException extends RuntimeException {

    private final String reason;
    private final List<String> fields;

    public InvalidAnswerException(String reason, String detail) {
        this(reason, detail, List.of());
    }

    /** @param fields the ids of the fields concerned (e.g. required fields left empty) */
    public InvalidAnswerException(String reason, String detail, List<String> fields) {
        super(reason + ": " + detail);
        this.reason = reason;
        this.fields = List.copyOf(fields);
    }

    public String reason() {
        return reason;
    }

    public List<String> fields() {
        return fields;
    }
}
