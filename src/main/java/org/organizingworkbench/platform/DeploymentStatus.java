package org.organizingworkbench.platform;

public enum DeploymentStatus {
    /** Launches are accepted. */
    ACTIVE,
    /** Seen at a launch but not yet approved by the tool's administrator: launches are refused with an explanation. */
    PENDING,
    /**
     * Disabled by the tool's administrator: launches are refused, and every course, membership, workbook and grade
     * of the deployment is kept; approving it again reconnects the same courses.
     */
    DISABLED
}
