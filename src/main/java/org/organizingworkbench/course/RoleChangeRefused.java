package org.organizingworkbench.course;

/** Why an instructor's change of a member's role was refused. */
public class RoleChangeRefused extends RuntimeException {

    public enum Reason {
        /** No active member with that id in this course (a forged or outdated request). */
        NOT_A_MEMBER,
        /** Instructors do not change their own role: the course must not lose its last instructor by accident. */
        OWN_ROLE
    }

    private final Reason reason;

    public RoleChangeRefused(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
