package org.organizingworkbench.privacy;

/** An archive that cannot be imported: not one of the tool's, a newer version, or unreadable. The reason is a key. */
public class InvalidArchiveException extends RuntimeException {

    private final String reason;

    public InvalidArchiveException(String reason) {
        super(reason);
        this.reason = reason;
    }

    /** privacy.import.problem.&lt;reason&gt; words it. */
    public String reason() {
        return reason;
    }
}
