package org.organizingworkbench.review;

/** Where a reviewer's piece stands. ASSIGNED and SUBMITTED count towards the piece's reviews. */
public enum AssignmentStatus {
    ASSIGNED, SUBMITTED, MISSED, WITHDRAWN;

    public boolean active() {
        return this == ASSIGNED || this == SUBMITTED;
    }
}
