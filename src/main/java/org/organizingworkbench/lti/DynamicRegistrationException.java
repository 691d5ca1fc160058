package org.organizingworkbench.lti;

/** A dynamic registration that failed at one step. The detail never contains the registration token. */
public class DynamicRegistrationException extends Exception {
    private final RegistrationFailure failure;
    private final String detail;

    public DynamicRegistrationException(RegistrationFailure failure, String detail) {
        super(failure + ": " + detail);
        this.failure = failure;
        this.detail = detail;
    }

    public DynamicRegistrationException(RegistrationFailure failure, String detail, Throwable cause) {
        super(failure + ": " + detail, cause);
        this.failure = failure;
        this.detail = detail;
    }

    public RegistrationFailure failure() {
        return failure;
    }

    public String detail() {
        return detail;
    }
}
