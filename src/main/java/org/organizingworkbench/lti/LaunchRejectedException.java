package org.organizingworkbench.lti;

/** A login or launch that broke a rule. The detail never contains the token itself. */
public class LaunchRejectedException extends Exception {
    private final LaunchRule rule;
    private final String detail;

    public LaunchRejectedException(LaunchRule rule, String detail) {
        super(rule + ": " + detail);
        this.rule = rule;
        this.detail = detail;
    }

    public LaunchRejectedException(LaunchRule rule, String detail, Throwable cause) {
        super(rule + ": " + detail, cause);
        this.rule = rule;
        this.detail = detail;
    }

    public LaunchRule rule() {
        return rule;
    }

    public String detail() {
        return detail;
    }
}
